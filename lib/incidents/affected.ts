import { z } from "zod";
import { formList } from "../forms";
import { jurisdictions, type Jurisdiction } from "../jurisdictions";
import type { ConsentEventType } from "../consent/vocabulary";
import { dataCategories, type DataCategory, type LegalBasis } from "../purposes/vocabulary";
import { fromLocalInput } from "../requests/receipt";

/**
 * Who an incident affected, chosen from the store (issue 21, deliverable 2): the people whose data a purpose held
 * during the period the breach ran, narrowed by the data categories it touched and where the people live. A
 * person's data is held by a consent purpose while their grant is live (from a grant to the next entry that is not
 * one, as lib/propagation/eligibility.ts reads the ledger), and by a purpose on any other basis while they are a
 * customer (the brand knows them by its own id), since Candor first knew them. Erased people are gone from the
 * store, so they are never selected.
 */

/** How a selection is applied to the incident's affected people: it replaces them, or adds people found later. */
export const affectedApplyModes = ["replace", "add"] as const;
export type AffectedApplyMode = (typeof affectedApplyModes)[number];

/** Where a selection came from: the store's criteria, or a list the officer pasted or uploaded. */
export const affectedSources = ["criteria", "list"] as const;
export type AffectedSource = (typeof affectedSources)[number];

/** People per jurisdiction; every jurisdiction present, zero included, so a table never misses a row. */
export type JurisdictionCounts = Record<Jurisdiction, number>;

export function emptyCounts(): JurisdictionCounts {
  return Object.fromEntries(jurisdictions.map((j) => [j, 0])) as JurisdictionCounts;
}

export function totalOf(counts: JurisdictionCounts): number {
  return jurisdictions.reduce((sum, j) => sum + counts[j], 0);
}

/** A selection by criteria, as the store reads it: instants in milliseconds; `from` null means since the start. */
export type AffectedCriteria = {
  purposeIds: number[];
  categories: DataCategory[];
  jurisdictions: Jurisdiction[];
  from: number | null;
  to: number;
};

/** A purpose as the selection needs it: whether it held data, and until when (a retired purpose stopped). */
export type SelectablePurpose = {
  id: number;
  legalBasis: LegalBasis;
  categories: readonly string[];
  activatedAt: number | null;
  retiredAt: number | null;
};

/** The earliest instant a period may start; an earlier year is a typo. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);

const ids = formList(z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" })).transform((xs) => [
  ...new Set(xs),
]);

/**
 * The criteria form (and the run route's JSON, the same fields): purposes by id, data categories, jurisdictions,
 * and the period as datetime-local values on the brand's wall clock (`to` blank means now). At least one purpose or
 * category: a selection of everyone is made by choosing every category, never by leaving the form empty.
 * Error messages are catalog keys (incidentAffected.errors.*).
 */
export function affectedCriteriaSchema(clock: { now: Date; timeZone: string }) {
  const instant = z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const at = fromLocalInput(value, clock.timeZone);
      if (!at) ctx.addIssue({ code: "custom", message: "invalid-time" });
      else if (at.getTime() < EARLIEST_MS) ctx.addIssue({ code: "custom", message: "too-early" });
      return at ? at.getTime() : null;
    });
  return z
    .object({
      purposeIds: ids,
      categories: formList(z.enum(dataCategories, { error: "invalid" })).transform((xs) => [...new Set(xs)]),
      jurisdictions: formList(z.enum(jurisdictions, { error: "invalid" })).transform((xs) => [...new Set(xs)]),
      from: instant,
      to: instant,
    })
    .superRefine((v, ctx) => {
      if (v.purposeIds.length === 0 && v.categories.length === 0)
        ctx.addIssue({ code: "custom", message: "purpose-or-category", path: ["purposeIds"] });
      if (v.from !== null && v.to !== null && v.to < v.from) ctx.addIssue({ code: "custom", message: "ends-before-start", path: ["to"] });
    })
    .transform((v): AffectedCriteria => ({
      purposeIds: v.purposeIds,
      categories: v.categories,
      jurisdictions: v.jurisdictions,
      from: v.from,
      // A period still running ends now; later than now is the same as now, nothing is held in the future.
      to: Math.min(v.to ?? clock.now.getTime(), clock.now.getTime()),
    }));
}

/** A held span of one purpose, clipped to when the purpose was in force. */
type Window = { from: number | null; to: number };

/**
 * The purposes a selection reads, each with the part of the period in which it was in force: those named (or all
 * when none is), narrowed to those holding one of the categories (when any is named). A purpose that went live
 * after the period or retired before it held nothing then and is left out.
 */
export function selectedPurposes(
  all: readonly SelectablePurpose[],
  criteria: AffectedCriteria,
): (SelectablePurpose & { window: Window })[] {
  const named = new Set(criteria.purposeIds);
  return (
    all
      .filter((p) => named.size === 0 || named.has(p.id))
      .filter((p) => criteria.categories.length === 0 || criteria.categories.some((c) => p.categories.includes(c)))
      .map((p) => ({ ...p, window: { from: criteria.from, to: Math.min(criteria.to, p.retiredAt ?? Infinity) } }))
      // A purpose in force with no activation date (stores from before it was kept) counts as in force throughout.
      .filter((p) => (p.activatedAt === null || p.activatedAt <= p.window.to) && (p.window.from === null || p.window.to >= p.window.from))
  );
}

/** A person's current state for a consent purpose (consent_state). */
export type StateRow = { state: ConsentEventType; decidedAt: number; expiresAt: number | null };

/**
 * What the current state alone says about a live grant in the window: "in" (a grant made by the end of the window
 * and still live at its start), "out" (no grant since before the window), or "check" (the ledger must tell: the
 * state changed during or after the window, so an earlier grant may have been live in it). Most people are
 * decided here, so the ledger is read for few.
 */
export function classifyState(row: StateRow, window: Window): "in" | "out" | "check" {
  const startsBeforeEnd = row.decidedAt <= window.to;
  if (row.state === "granted") {
    if (row.expiresAt !== null && window.from !== null && row.expiresAt <= window.from) return "out";
    return startsBeforeEnd ? "in" : "check";
  }
  // Not granted since decidedAt (or earlier): nothing was live in a window that starts after it.
  if (window.from !== null && row.decidedAt <= window.from) return "out";
  return "check";
}

/** A ledger entry for one person and purpose, in time order. */
export type LedgerEntry = { event: ConsentEventType; at: number };

/** Whether a grant was live at some moment of the window: a grant before its end whose next non-grant entry is after its start. */
export function grantLiveIn(entries: readonly LedgerEntry[], window: Window): boolean {
  let open: number | null = null;
  const overlaps = (from: number, to: number | null) => from <= window.to && (window.from === null || to === null || to > window.from);
  for (const e of entries) {
    if (e.event === "granted") open ??= e.at;
    else if (open !== null) {
      if (overlaps(open, e.at)) return true;
      open = null;
    }
  }
  return open !== null && overlaps(open, null);
}

/** Whether a person who is a customer since `since` (null: not a customer) was one during the window. */
export function customerIn(since: number | null, window: Window): boolean {
  return since !== null && since <= window.to;
}
