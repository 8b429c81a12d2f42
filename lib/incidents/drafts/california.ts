import {
  affectedIn,
  cause,
  dataInvolved,
  item,
  joinFilled,
  measures,
  natures,
  note,
  occurred,
  people,
  t,
  titled,
  type Ctx,
} from "./common";
import type { Draft } from "./types";

/**
 * The nationwide credit reporting agencies' published consumer contacts, which a notice gives when Social
 * Security, driver's licence or California identification card numbers were involved (§1798.82(d)(2)(F)).
 */
export const creditBureaus = [
  { name: "Equifax", phone: "1-800-685-1111", address: "P.O. Box 740241, Atlanta, GA 30374", web: "www.equifax.com" },
  { name: "Experian", phone: "1-888-397-3742", address: "P.O. Box 9554, Allen, TX 75013", web: "www.experian.com" },
  { name: "TransUnion", phone: "1-888-909-8872", address: "P.O. Box 2000, Chester, PA 19016", web: "www.transunion.com" },
] as const;

/** §1798.82(d)(2)(G): the identity-theft prevention and mitigation offer lasts not less than 12 months. */
export const MIN_OFFER_MONTHS = 12;

/**
 * The "Notice of Data Breach" of Cal. Civ. Code §1798.82(d), the sample sent to the Attorney General (§1798.82(f))
 * when more than 500 residents are told: the title and five headings of (d)(1), and under them the contents of
 * (d)(2)(A)–(G): the business's name and contact, the types of information, the date or range of the breach and the
 * date of the notice, whether a law-enforcement investigation delayed it, a general description, and, when identity
 * numbers were involved, the credit bureaus' contacts and an offer of at least 12 months of identity-theft prevention.
 */
export function californiaNoticeDraft(c: Ctx): Draft {
  const i = c.input.incident;
  const identityNumbers = i.dataFacts.includes("unique_identifier");
  const offer = c.input.additions.offer;
  const told = c.input.peopleNotifiedAt["US-CA"];
  const b = c.input.brand;
  const delayed = i.delayReason === "law_enforcement";
  return {
    duty: "ca_attorney_general",
    title: titled(c, t(c, "title.ca_attorney_general")),
    law: t(c, "law.ca_attorney_general"),
    drill: i.drill,
    sequence: 1,
    sections: [
      {
        key: "whatHappened",
        heading: t(c, "section.ca.whatHappened"),
        items: [
          item(c, "ca.description", joinFilled([note(i.title), `(${natures(c)})`, "—", cause(c)]), "incident"),
          item(c, "ca.breachDate", occurred(c), "incident"),
          item(c, "ca.noticeDate", c.f.date(told ?? c.input.now), "notices"),
          item(
            c,
            "ca.lawEnforcement",
            delayed ? joinFilled([t(c, "delayedForLawEnforcement"), note(i.delayNote)]) : t(c, "notDelayedForLawEnforcement"),
            "incident",
          ),
        ],
      },
      {
        key: "whatInformation",
        heading: t(c, "section.ca.whatInformation"),
        items: [item(c, "ca.types", dataInvolved(c), "incident")],
      },
      {
        key: "whatWeAreDoing",
        heading: t(c, "section.ca.whatWeAreDoing"),
        items: [
          item(c, "ca.measures", measures(c), "incident"),
          ...(identityNumbers
            ? [
                item(
                  c,
                  "ca.offer",
                  offer && offer.months >= MIN_OFFER_MONTHS
                    ? joinFilled([t(c, "offer", { months: offer.months, provider: note(offer.provider) ?? "" }), note(offer.howToEnrol)])
                    : null,
                  "report",
                ),
              ]
            : []),
        ],
      },
      {
        key: "whatYouCanDo",
        heading: t(c, "section.ca.whatYouCanDo"),
        items: [
          item(c, "ca.peopleCanDo", note(c.input.additions.peopleCanDo), "report"),
          ...(identityNumbers
            ? [item(c, "ca.creditBureaus", creditBureaus.map((x) => `${x.name}: ${x.phone}, ${x.address}, ${x.web}`).join("; "), "report")]
            : []),
        ],
      },
      {
        key: "forMoreInformation",
        heading: t(c, "section.ca.forMoreInformation"),
        items: [
          item(c, "ca.contact", b ? joinFilled([b.legalName, b.address, b.contactEmail, b.websiteUrl], ", ") : null, "brand"),
          item(c, "ca.residents", people(c, affectedIn(c, ["US-CA"])), "affected"),
        ],
      },
    ],
  };
}
