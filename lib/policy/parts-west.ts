/** The EU (GDPR Art. 13(1)–(2)) and California (CCPA §7011, Civ. Code §1798.130(a)(5)) parts, one section per checklist item. */
import type { Block, Line } from "./document";
import { isOverseas } from "./checklists";
import { ccpaCategoriesOf } from "./ccpa-categories";
import {
  categories,
  contactLine,
  country,
  days,
  label,
  link,
  list,
  purposeBenefit,
  purposeName,
  purposeNames,
  purposesOf,
  purposeWhy,
  sentence,
  typed,
  type Writer,
} from "./words";

const p = (line: Line): Block => ({ p: line });

function ccpaList(w: Writer, dataCategories: string[]): string {
  return list(
    w,
    ccpaCategoriesOf(dataCategories).map((c) => label(w, "ccpa", c)),
  );
}

export function euSections(w: Writer): Record<string, Block[]> {
  const { brand, links } = w.input;
  const overseas = w.recipients.filter((r) => isOverseas("EU", r.country));
  const li = w.purposes.filter((x) => x.legalBasis === "legitimate_interests");
  const dpo = brand.dpo;
  return {
    controller: [
      p(
        sentence(w, "controllerLine", {
          name: typed(w, brand.legalName),
          address: typed(w, brand.address),
          email: typed(w, brand.contactEmail),
        }),
      ),
      ...(dpo ? [p(sentence(w, "dpoLine", { contact: contactLine(w, dpo) }))] : []),
      ...(brand.euRepresentative ? [p(sentence(w, "euRepLine", { contact: contactLine(w, brand.euRepresentative) }))] : []),
    ],
    purposes_basis: [
      {
        ul: w.purposes.map((x) =>
          sentence(w, "purposeBasisLine", {
            name: purposeName(w, x),
            why: purposeWhy(w, x),
            basis: w.t(`vocabulary.basis.${x.legalBasis}`),
          }),
        ),
      },
    ],
    legitimate_interests: li.length
      ? [{ ul: li.map((x) => sentence(w, "interestLine", { name: purposeName(w, x), interest: purposeBenefit(w, x) })) }]
      : [p(sentence(w, "noInterests", {}))],
    recipients: w.recipients.length
      ? [
          {
            ul: w.recipients.map((r) =>
              sentence(w, "recipientLine", {
                recipient: typed(w, r.name),
                role: w.t(`vocabulary.role.${r.role}`),
                country: country(w, r.country),
                purposes: purposeNames(w, purposesOf(w, r)),
              }),
            ),
          },
        ]
      : [p(sentence(w, "noRecipients", {}))],
    transfers: overseas.length
      ? [
          {
            ul: overseas.map((r) =>
              sentence(w, "transferLine", {
                recipient: typed(w, r.name),
                country: country(w, r.country),
                safeguard: label(w, "safeguard", r.transfer?.safeguard ?? ""),
              }),
            ),
          },
        ]
      : [p(sentence(w, "noTransfers", {}))],
    retention: [{ ul: w.purposes.map((x) => sentence(w, "periodLine", { name: purposeName(w, x), period: days(w, x.retentionDays) })) }],
    rights: [
      p(sentence(w, "euRights", { requests: link(w, links.requests, "requestsLink") })),
      p(sentence(w, "withdrawal", { preferences: link(w, links.preferences, "preferencesLink") })),
      p(sentence(w, "euComplaint", { contact: contactLine(w, brand.complaintContacts.gdpr ?? null) })),
    ],
    requirement: [{ ul: w.purposes.map((x) => sentence(w, `requirement.${x.legalBasis}`, { name: purposeName(w, x) })) }],
    automated: [p(sentence(w, "automated", {}))],
  };
}

export function caSections(w: Writer): Record<string, Block[]> {
  const { links } = w.input;
  const all = [...new Set(w.purposes.flatMap((x) => x.dataCategories))];
  const sold = w.purposes.filter((x) => x.saleOrSharing);
  const soldTo = [...new Set(sold.flatMap((x) => w.recipients.filter((r) => x.recipientIds.includes(r.id)).map((r) => r.role)))];
  const processorCats = [
    ...new Set(w.recipients.filter((r) => r.role === "processor").flatMap((r) => purposesOf(w, r).flatMap((x) => x.dataCategories))),
  ];
  const sources = [...new Set(w.purposes.flatMap((x) => x.sources))];
  return {
    categories: [
      p(sentence(w, "caCollected", {})),
      {
        ul: ccpaCategoriesOf(
          all,
          w.purposes.some((x) => x.sensitive),
        ).map((c) => [label(w, "ccpa", c)]),
      },
    ],
    sources: [{ ul: sources.map((s) => [label(w, "source", s)]) }],
    business_purposes: [{ ul: w.purposes.map((x) => sentence(w, "purposeLine", { name: purposeName(w, x), why: purposeWhy(w, x) })) }],
    sold_shared: sold.length
      ? [
          {
            ul: sold.map((x) =>
              sentence(w, "soldLine", {
                name: purposeName(w, x),
                categories: ccpaList(w, x.dataCategories),
                to: list(
                  w,
                  soldTo.map((r) => w.t(`vocabulary.role.${r}`)),
                ),
              }),
            ),
          },
          p(sentence(w, "minors", {})),
        ]
      : [p(sentence(w, "noSale", {}))],
    disclosed: processorCats.length
      ? [p(sentence(w, "disclosedLine", { categories: ccpaList(w, processorCats) }))]
      : [p(sentence(w, "noDisclosed", {}))],
    retention: [
      {
        ul: all.map((c) =>
          sentence(w, "categoryRetention", {
            category: categories(w, [c]),
            period: days(w, Math.max(...w.purposes.filter((x) => x.dataCategories.includes(c)).map((x) => x.retentionDays))),
          }),
        ),
      },
    ],
    rights: [p(sentence(w, "caRights", { requests: link(w, links.requests, "requestsLink") })), p(sentence(w, "agent", {}))],
    non_discrimination: [p(sentence(w, "nonDiscrimination", {}))],
    links: [{ ul: [[link(w, links.doNotSell, "doNotSell")], [link(w, links.limitSensitive, "limitSensitive")]] }],
    gpc: [p(sentence(w, "gpc", {}))],
    last_updated: [p(sentence(w, "lastUpdated", { date: w.input.effectiveDate }))],
    ...(links.transparencyReport
      ? { report: [p(sentence(w, "report", { report: link(w, links.transparencyReport, "reportLink") }))] }
      : {}),
  };
}
