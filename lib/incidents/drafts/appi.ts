import { dutyJurisdictions } from "../vocabulary";
import {
  affectedIn,
  awareAt,
  cause,
  contactPoint,
  dataInvolved,
  encryption,
  item,
  joinFilled,
  measures,
  natures,
  note,
  occurred,
  people,
  risk,
  t,
  titled,
  type Ctx,
} from "./common";
import type { Draft, DraftItem } from "./types";

/**
 * The report to the PPC, APPI Art. 26 with PPC Rules Art. 8: the nine items of Rules Art. 8(1), (i) summary to
 * (ix) other matters. The preliminary report (Art. 8(1)) gives the items known at the time, so an item not yet
 * known is optional there; the final report (Art. 8(2)) gives them all.
 */
export function appiDraft(c: Ctx, stage: "appi_preliminary" | "appi_final"): Draft {
  const i = c.input.incident;
  const preliminary = stage === "appi_preliminary";
  const told = c.input.peopleNotifiedAt.JP;
  const a = c.input.additions;
  const items: DraftItem[] = [
    item(
      c,
      "appi.1",
      joinFilled(
        [
          note(i.title),
          `(${natures(c)}; ${c.w(`incidents.certainty.${i.certainty}`)})`,
          t(c, "awareOn", { date: awareAt(c) }),
          occurred(c),
        ],
        " ",
      ),
      "incident",
    ),
    item(c, "appi.2", dataInvolved(c), "incident"),
    item(c, "appi.3", people(c, affectedIn(c, dutyJurisdictions.appi_final)), "affected", preliminary),
    item(c, "appi.4", cause(c), "incident"),
    item(c, "appi.5", risk(c), "incident", preliminary),
    item(c, "appi.6", told ? t(c, "notifiedOn", { date: c.f.dateTime(told) }) : t(c, "notYetNotified"), "notices"),
    item(c, "appi.7", note(a.publicAnnouncement), "report", preliminary),
    item(c, "appi.8", measures(c), "incident", preliminary),
    item(
      c,
      "appi.9",
      joinFilled(
        [
          encryption(c),
          c.input.recipients.length ? t(c, "recipientsInvolved", { names: c.input.recipients.join(", ") }) : null,
          note(a.otherMatters),
        ],
        " ",
      ),
      "report",
    ),
  ];
  return {
    duty: stage,
    title: titled(c, t(c, `title.${stage}`, { reference: i.reference })),
    law: t(c, `law.${stage}`),
    drill: i.drill,
    sequence: 1,
    sections: [
      {
        key: "general",
        heading: t(c, "section.general"),
        items: [
          item(c, "controller", c.input.brand ? `${c.input.brand.legalName}, ${c.input.brand.address}` : null, "brand"),
          item(c, "contact", contactPoint(c), "brand"),
        ],
      },
      { key: "items", heading: t(c, "section.appi.items"), items },
    ],
  };
}
