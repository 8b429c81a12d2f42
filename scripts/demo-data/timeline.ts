import { DAY_MS } from "@/lib/time";

export const HOUR_MS = 3_600_000;
/** The ledger's main window: new subjects and every change of mind fall in the last 180 days. */
export const LEDGER_DAYS = 180;
/** Customers from before the window made their first choices up to this many days before the anchor. */
export const LEGACY_DAYS = 760;

export type Timeline = {
  /** The instant everything is generated up to (exclusive): a UTC midnight. */
  anchor: number;
  windowStart: number;
  legacyStart: number;
  /** The instant `days` days before the anchor, plus `hours` into that day. */
  daysAgo(days: number, hours?: number): number;
};

/** The demo's clock, fixed by its anchor so the same anchor gives the same data. */
export function timeline(anchor: Date): Timeline {
  const a = anchor.getTime();
  return {
    anchor: a,
    windowStart: a - LEDGER_DAYS * DAY_MS,
    legacyStart: a - LEGACY_DAYS * DAY_MS,
    daysAgo: (days, hours = 0) => a - days * DAY_MS + hours * HOUR_MS,
  };
}

/** Today at 00:00 UTC, the default anchor. */
export function todayUtcMidnight(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
