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
  risk,
  sequenceOf,
  t,
  titled,
  type Ctx,
} from "./common";
import type { Draft, DraftItem } from "./types";

const HOURS_72 = 72 * 3_600_000;

/**
 * The report to the supervisory authority, GDPR Art. 33: the four items of Art. 33(3)(a)–(d); the reasons for
 * the delay when the first report is made later than 72 hours after awareness (Art. 33(1)); a later phase says
 * which report it follows (Art. 33(4): information may be provided in phases without undue further delay).
 */
export function gdprAuthorityDraft(c: Ctx): Draft {
  const i = c.input.incident;
  const sequence = sequenceOf(c, "gdpr_authority");
  const count = affectedIn(c, dutyJurisdictions.gdpr_authority);
  const categories = i.dataCategories.length + i.dataFacts.length;
  const earlier = c.input.filings.filter((f) => f.duty === "gdpr_authority");
  const late = sequence === 1 && c.input.now.getTime() - i.awareAt.getTime() > HOURS_72;

  const general: DraftItem[] = [
    item(c, "controller", c.input.brand ? `${c.input.brand.legalName}, ${c.input.brand.address}` : null, "brand"),
    item(c, "awareAt", awareAt(c), "incident"),
    item(c, "occurred", occurred(c), "incident"),
  ];
  if (sequence > 1) {
    const last = earlier[earlier.length - 1];
    general.push(
      item(
        c,
        "phase",
        t(c, "phaseOf", { n: sequence, date: c.f.dateTime(last.sentAt), channel: c.w(`incidents.channel.${last.channel}`) }),
        "report",
      ),
    );
  }
  if (late) general.push(item(c, "gdpr.delayReasons", note(c.input.additions.delayReasons), "report"));

  return {
    duty: "gdpr_authority",
    title: titled(c, t(c, "title.gdpr_authority", { reference: i.reference })),
    law: t(c, "law.gdpr_authority"),
    drill: i.drill,
    sequence,
    sections: [
      { key: "general", heading: t(c, "section.general"), items: general },
      {
        key: "a",
        heading: t(c, "section.gdpr.a"),
        items: [
          item(c, "gdpr.a.nature", joinFilled([note(i.title), `(${natures(c)})`, "—", cause(c)]), "incident"),
          item(
            c,
            "gdpr.a.subjectCategories",
            c.input.purposes.length ? t(c, "subjectsOf", { purposes: c.input.purposes.join(", ") }) : null,
            "incident",
          ),
          item(c, "gdpr.a.subjectCount", people(c, count), "affected"),
          item(c, "gdpr.a.recordCategories", dataInvolved(c), "incident"),
          item(
            c,
            "gdpr.a.recordCount",
            count !== null && categories > 0 ? t(c, "records", { n: c.f.number(count * categories), categories }) : null,
            "affected",
          ),
        ],
      },
      { key: "b", heading: t(c, "section.gdpr.b"), items: [item(c, "gdpr.b.contact", contactPoint(c), "brand")] },
      { key: "c", heading: t(c, "section.gdpr.c"), items: [item(c, "gdpr.c.consequences", risk(c), "incident")] },
      { key: "d", heading: t(c, "section.gdpr.d"), items: [item(c, "gdpr.d.measures", measures(c), "incident")] },
    ],
  };
}
