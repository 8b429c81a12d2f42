import { changeFrom, round1, type Change } from "./stats";

/** Days to close at which the closing-speed part of the score reaches zero (GDPR's one month, roughly). */
export const CLOSE_DAYS_FLOOR = 30;

/**
 * The indicators behind the trust score, in the order the page shows them, with their weights. The score divides by
 * the weights of the indicators measured, so they need not add up to 100. Breach duties met on time (issue 21) counts
 * duties, not incidents: recording a breach never lowers the score, only a missed clock does (lib/incidents/on-time.ts).
 */
export const trustIndicators = [
  { id: "optInRate", weight: 20, unit: "percent", better: "higher" },
  { id: "withdrawalRate", weight: 10, unit: "percent", better: "lower" },
  { id: "onTime", weight: 20, unit: "percent", better: "higher" },
  { id: "medianDaysToClose", weight: 10, unit: "days", better: "lower" },
  { id: "overdue", weight: 10, unit: "count", better: "lower" },
  { id: "plainNotices", weight: 10, unit: "percent", better: "higher" },
  { id: "freshNotices", weight: 10, unit: "percent", better: "higher" },
  { id: "gpcHonoured", weight: 10, unit: "percent", better: "higher" },
  { id: "breachDutiesOnTime", weight: 10, unit: "percent", better: "higher" },
] as const;

export type TrustIndicatorId = (typeof trustIndicators)[number]["id"];

/** An indicator's raw value for a period; overdue also needs how many requests were open, to score it as a share. */
export type TrustInputs = Record<TrustIndicatorId, number | null> & { open: number };

const clamp = (n: number) => Math.min(100, Math.max(0, n));

/**
 * An indicator's part of the score, 0–100 (higher is better), or null when
 * there is nothing to measure: rates count as they are (withdrawals inverted),
 * closing speed is 100 × (1 − median days ÷ 30), overdue is 100 × (1 − overdue ÷ open).
 */
export function indicatorScore(id: TrustIndicatorId, inputs: TrustInputs): number | null {
  const v = inputs[id];
  if (v === null) return null;
  switch (id) {
    case "withdrawalRate":
      return clamp(100 - v);
    case "medianDaysToClose":
      return clamp(100 * (1 - v / CLOSE_DAYS_FLOOR));
    case "overdue":
      return inputs.open > 0 ? clamp(100 * (1 - v / inputs.open)) : 100;
    default:
      return clamp(v);
  }
}

/** The score before rounding: the weighted mean of the indicator scores that have data (weights rescaled over them), or null. */
export function exactTrustScore(inputs: TrustInputs): number | null {
  let sum = 0;
  let weights = 0;
  for (const { id, weight } of trustIndicators) {
    const s = indicatorScore(id, inputs);
    if (s === null) continue;
    sum += weight * s;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** The trust score, 0–100: the exact score rounded to a whole number, or null when no indicator has data. */
export function trustScore(inputs: TrustInputs): number | null {
  const exact = exactTrustScore(inputs);
  return exact === null ? null : Math.round(exact);
}

export type TrustIndicator = {
  id: TrustIndicatorId;
  weight: number;
  value: number | null;
  previous: number | null;
  change: Change | null;
  /** Whether the change is good news, given which way is better for this indicator. */
  improved: boolean | null;
  trend: (number | null)[];
};

/** Each indicator with its value, previous value, change and trend; and the score now, before and over time. */
export function trustReport(current: TrustInputs, previous: TrustInputs, trend: TrustInputs[]) {
  const indicators: TrustIndicator[] = trustIndicators.map(({ id, weight, better }) => {
    const change = changeFrom(current[id], previous[id]);
    return {
      id,
      weight,
      value: current[id],
      previous: previous[id],
      change,
      improved: change === null || change.direction === "flat" ? null : (change.direction === "up") === (better === "higher"),
      trend: trend.map((t) => (t[id] === null ? null : round1(t[id]!))),
    };
  });
  const score = trustScore(current);
  const before = trustScore(previous);
  return { score, previousScore: before, scoreChange: changeFrom(score, before), scoreTrend: trend.map(trustScore), indicators };
}
