import { round1 } from "./stats";

/** The unit a chart of durations reads in. */
export type DurationUnit = "hours" | "days";

export type DurationAxis = { unit: DurationUnit; /** Units in a day. */ perDay: number; ticks: number[] };

/** Under two days the longest duration reads better in hours ("36 hours", not "1.5 days"). */
const HOURS_BELOW_DAYS = 2;
/** At most this many steps between 0 and the top tick, so the labels fit on a phone. */
const MAX_STEPS = 5;
/** Steps an hour axis counts in: parts of a day. */
const hourSteps = [1, 2, 3, 6, 12];

/** Whole steps for days: 1, 2, 5, 10, 20, 50… */
function daySteps(): number[] {
  const out: number[] = [];
  for (let p = 1; p <= 1e6; p *= 10) out.push(p, 2 * p, 5 * p);
  return out;
}

/**
 * The axis for durations given in days (null where nothing was measured): hours when the longest is under
 * two days, else days, with whole ticks from 0 to the first tick at or above the longest, in at most five steps.
 */
export function durationAxis(days: readonly (number | null)[]): DurationAxis {
  const longest = Math.max(0, ...days.filter((d): d is number => d !== null && Number.isFinite(d)));
  const unit: DurationUnit = longest > 0 && longest < HOURS_BELOW_DAYS ? "hours" : "days";
  const perDay = unit === "hours" ? 24 : 1;
  const top = longest * perDay;
  const step = (unit === "hours" ? hourSteps : daySteps()).find((s) => Math.ceil(top / s) <= MAX_STEPS) ?? 1;
  const count = Math.max(1, Math.ceil(top / step));
  return { unit, perDay, ticks: Array.from({ length: count + 1 }, (_, i) => i * step) };
}

/** A duration in days, in the axis's unit with one decimal (null stays null). */
export function inAxisUnit(days: number | null, axis: DurationAxis): number | null {
  return days === null ? null : round1(days * axis.perDay);
}
