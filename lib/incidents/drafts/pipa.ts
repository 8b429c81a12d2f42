import { dutyJurisdictions } from "../vocabulary";
import {
  affectedIn,
  awareAt,
  cause,
  contactPoint,
  dataInvolved,
  item,
  joinFilled,
  measures,
  natures,
  note,
  occurred,
  people,
  sequenceOf,
  t,
  titled,
  type Ctx,
} from "./common";
import type { Draft, DraftItem } from "./types";

/**
 * The report to the PIPC or KISA, PIPA Art. 34(3) with Enforcement Decree Art. 40 (as amended 2023): the items
 * people are told under Art. 34(1) (the items leaked, when and how, what people can do to limit harm, the brand's
 * measures and remedy procedures, the desk that takes reports of harm), the number of people, and whether they
 * were told. Facts still unknown may follow in a staged report (Decree Art. 40(4)): a later report says which it follows.
 */
export function pipaAuthorityDraft(c: Ctx): Draft {
  const i = c.input.incident;
  const sequence = sequenceOf(c, "pipa_authority");
  const told = c.input.peopleNotifiedAt.KR;
  const general: DraftItem[] = [
    item(c, "controller", c.input.brand ? `${c.input.brand.legalName}, ${c.input.brand.address}` : null, "brand"),
    item(c, "awareAt", awareAt(c), "incident"),
  ];
  if (sequence > 1) {
    const last = c.input.filings.filter((f) => f.duty === "pipa_authority").at(-1)!;
    general.push(
      item(
        c,
        "phase",
        t(c, "stageOf", { n: sequence, date: c.f.dateTime(last.sentAt), channel: c.w(`incidents.channel.${last.channel}`) }),
        "report",
      ),
    );
  }
  return {
    duty: "pipa_authority",
    title: titled(c, t(c, "title.pipa_authority", { reference: i.reference })),
    law: t(c, "law.pipa_authority"),
    drill: i.drill,
    sequence,
    sections: [
      { key: "general", heading: t(c, "section.general"), items: general },
      {
        key: "what",
        heading: t(c, "section.pipa.what"),
        items: [
          item(c, "pipa.items", dataInvolved(c), "incident"),
          item(c, "pipa.count", people(c, affectedIn(c, dutyJurisdictions.pipa_authority)), "affected"),
          item(c, "pipa.when", occurred(c), "incident"),
          item(c, "pipa.how", joinFilled([note(i.title), `(${natures(c)})`, "—", cause(c)]), "incident"),
        ],
      },
      {
        key: "response",
        heading: t(c, "section.pipa.response"),
        items: [
          item(c, "pipa.peopleCanDo", note(c.input.additions.peopleCanDo), "report"),
          item(c, "pipa.measures", measures(c), "incident"),
          item(c, "pipa.remedy", note(c.input.additions.remedyProcedure), "report"),
          item(c, "pipa.contact", note(c.input.additions.harmContact) ?? contactPoint(c), "report"),
          item(c, "pipa.peopleNotified", told ? t(c, "notifiedOn", { date: c.f.dateTime(told) }) : t(c, "notYetNotified"), "notices"),
        ],
      },
    ],
  };
}
