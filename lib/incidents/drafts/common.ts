import type { Jurisdiction } from "../../jurisdictions";
import { typed } from "../../ropa/typed";
import type { DraftFormat, DraftInput, DraftItem, FillAt, ReportKind, Words } from "./types";

// Helpers every law's draft shares: the incident's facts worded once in the reader's language. Free text the
// officer typed is marked as typed (lib/ropa/typed.ts) so a page shows it as written and files drop the marks.

export const NS = "incidentReports";

/** A draft's words: the catalog, the brand's date format, and the input. */
export type Ctx = { w: Words; f: DraftFormat; input: DraftInput };

export const t = (c: Ctx, key: string, values?: Record<string, string | number>) => c.w(`${NS}.${key}`, values);

/** An item with its label from the catalog (incidentReports.item.<key>); value null marks it missing. */
export function item(c: Ctx, key: string, value: string | null | undefined, fillAt: FillAt, optional = false): DraftItem {
  const filled = value === undefined || value === null || value.trim() === "" ? null : value;
  return { key, label: t(c, `item.${key}`), value: filled, fillAt, ...(optional ? { optional } : {}) };
}

/** The officer's free text, marked as typed; null when empty. */
export function note(text: string | null | undefined): string | null {
  return text && text.trim() ? typed(text.trim()) : null;
}

export function joinFilled(parts: (string | null | undefined)[], sep = " "): string | null {
  const kept = parts.filter((p): p is string => !!p && p.trim() !== "");
  return kept.length ? kept.join(sep) : null;
}

/** The data involved: the data map's categories, then the facts the laws turn on. */
export function dataInvolved(c: Ctx): string | null {
  const i = c.input.incident;
  const words = [
    ...i.dataCategories.map((k) => c.w(`vocabulary.category.${k}`)),
    ...i.dataFacts.map((k) => c.w(`incidents.dataFact.${k}`)),
  ];
  return words.length ? words.join(", ") : null;
}

export function natures(c: Ctx): string {
  return c.input.incident.natures.map((n) => c.w(`incidents.natureShort.${n}`)).join(", ");
}

export function cause(c: Ctx): string {
  const i = c.input.incident;
  return joinFilled([c.w(`incidents.cause.${i.cause}`), note(i.causeNote) ? `(${note(i.causeNote)})` : null]) ?? "";
}

/** When it happened: the period if known (from–to, or from), else null. */
export function occurred(c: Ctx): string | null {
  const { occurredFrom: from, occurredTo: to } = c.input.incident;
  if (from && to) return t(c, "period", { from: c.f.dateTime(from), to: c.f.dateTime(to) });
  if (from) return t(c, "since", { from: c.f.dateTime(from) });
  if (to) return t(c, "until", { to: c.f.dateTime(to) });
  return null;
}

export const awareAt = (c: Ctx) => c.f.dateTime(c.input.incident.awareAt);

/** People affected in the given jurisdictions; null when none are selected yet. */
export function affectedIn(c: Ctx, places: readonly Jurisdiction[]): number | null {
  let sum = 0;
  let any = false;
  for (const j of places) {
    const n = c.input.affected[j];
    if (n !== undefined) {
      any = true;
      sum += n;
    }
  }
  return any && sum > 0 ? sum : null;
}

export const people = (c: Ctx, n: number | null) => (n === null ? null : t(c, "people", { count: n, n: c.f.number(n) }));

/** The containment and remedial actions the register holds, one to a line. */
export function measures(c: Ctx): string | null {
  const i = c.input.incident;
  return joinFilled(
    [
      note(i.containment) ? `${t(c, "containment")}: ${note(i.containment)}` : null,
      note(i.remedial) ? `${t(c, "remedial")}: ${note(i.remedial)}` : null,
    ],
    "\n",
  );
}

/** The risk to people as assessed, with its reasons. */
export function risk(c: Ctx): string | null {
  const i = c.input.incident;
  const reason = note(i.riskReason);
  return reason ? `${c.w(`incidents.risk.${i.risk}`)}: ${reason}` : null;
}

/** Whether the data was encrypted and the key kept. */
export function encryption(c: Ctx): string {
  const i = c.input.incident;
  return t(c, i.encrypted ? (i.keyTaken ? "encryptedKeyTaken" : "encryptedKeySafe") : "notEncrypted");
}

/** The controller's contact point: the DPO or privacy contact, with the brand's name. */
export function contactPoint(c: Ctx): string | null {
  const b = c.input.brand;
  if (!b || !b.dpoEmail) return null;
  return joinFilled([b.legalName, b.dpoName, b.dpoEmail], ", ");
}

/** How many reports for this duty were sent before: the next one's number. */
export function sequenceOf(c: Ctx, duty: ReportKind): number {
  return c.input.filings.filter((x) => x.duty === duty).length + 1;
}

/** The title, marked as a drill when the incident is one. */
export function titled(c: Ctx, title: string): string {
  return c.input.incident.drill ? t(c, "drillTitle", { title }) : title;
}
