import { z } from "zod";
import { jurisdictions } from "../jurisdictions";
import { DAY_MS, addDays } from "../time";
/** The longest period a dashboard shows: two years and a day, so a leap year fits. */
export const MAX_PERIOD_DAYS = 731;
/** The period a dashboard opens on when none is chosen. */
export const DEFAULT_PERIOD_DAYS = 30;

/** A UTC calendar day, YYYY-MM-DD, that really exists. */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "A day like 2026-05-01." })
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: "Not a real date." });

/** The filters every dashboard reads from its URL and sends to its API. */
export const dashboardQuerySchema = z
  .object({
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    jurisdiction: z.enum(jurisdictions).optional(),
    purpose: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,59}$/, { message: "A purpose key." })
      .optional(),
  })
  .strict();

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** Inclusive UTC days. */
export type Period = { from: string; to: string };

export type PeriodResult = { ok: true; period: Period } | { ok: false; field: "from" | "to"; message: string };

/** The UTC day of an instant. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant a UTC day begins. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** How many days a period holds, both ends included. */
export function periodLength(p: Period): number {
  return Math.round((dayStart(p.to) - dayStart(p.from)) / DAY_MS) + 1;
}

/**
 * "The last n days": the n days ending today, today included. The one
 * definition every page that says "last 30 days" counts with.
 */
export function lastDays(today: string, days: number = DEFAULT_PERIOD_DAYS): Period {
  return { from: addDays(today, -(days - 1)), to: today };
}

/**
 * The n for which `p` is lastDays(today, n), or null when it does not end today: what lets a page name a
 * period in the words of its definition ("Last 30 days") rather than with a number written into a sentence.
 */
export function lastDaysCount(p: Period, today: string): number | null {
  return p.to === today && p.from <= p.to ? periodLength(p) : null;
}

/**
 * The period a query asks for: `to` defaults to today, `from` to the 30 days
 * ending at `to` (lastDays). A period that ends in the future, runs backwards or is
 * longer than two years is refused.
 */
export function resolvePeriod(q: Pick<DashboardQuery, "from" | "to">, today: string): PeriodResult {
  const to = q.to ?? today;
  const from = q.from ?? lastDays(to).from;
  if (to > today) return { ok: false, field: "to", message: "The period cannot end after today." };
  if (from > to) return { ok: false, field: "from", message: "The period must start on or before its last day." };
  if (periodLength({ from, to }) > MAX_PERIOD_DAYS)
    return { ok: false, field: "from", message: `A period is at most ${MAX_PERIOD_DAYS} days.` };
  return { ok: true, period: { from, to } };
}

/** The period of the same length that ends the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const n = periodLength(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** One point of a trend: the days from `start` to `end`, both included. */
export type Bucket = { start: string; end: string };

/**
 * The points a trend is drawn with: days for a month or less, weeks up to
 * about half a year, 30-day steps beyond. The last bucket may be shorter.
 */
export function trendBuckets(p: Period): Bucket[] {
  const n = periodLength(p);
  const step = n <= 31 ? 1 : n <= 184 ? 7 : 30;
  const out: Bucket[] = [];
  for (let start = p.from; start <= p.to; start = addDays(start, step)) {
    const end = addDays(start, step - 1);
    out.push({ start, end: end > p.to ? p.to : end });
  }
  return out;
}

/** The bucket a day falls in (buckets in order), or -1. */
export function bucketIndex(buckets: readonly Bucket[], day: string): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (day < buckets[mid].start) hi = mid - 1;
    else if (day > buckets[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A period (or bucket) as a half-open span of instants: from the first day's start to the day after the last. */
export function periodWindow(p: Period | Bucket): { start: number; end: number } {
  const from = "from" in p ? p.from : p.start;
  const to = "to" in p ? p.to : p.end;
  return { start: dayStart(from), end: dayStart(to) + DAY_MS };
}
