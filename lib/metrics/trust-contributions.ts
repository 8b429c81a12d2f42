import { exactTrustScore, indicatorScore, trustIndicators, type TrustIndicatorId, type TrustInputs } from "./trust-score";

/**
 * How an indicator took part in the move: measured in both periods, measured
 * only now (it joined the score), or only before (it left the score).
 */
export type ContributionKind = "changed" | "joined" | "left";

export type TrustContribution = {
  id: TrustIndicatorId;
  /** Points it added (+) or took (−), to one decimal; the list's points add up to the movement's `change` exactly. */
  points: number;
  /** The same before rounding to one decimal. */
  exact: number;
  kind: ContributionKind;
};

export type TrustMovement = {
  /** The scores before rounding to whole numbers (the page shows them rounded). */
  exactBefore: number;
  exactNow: number;
  /** exactNow − exactBefore, to one decimal: what the contributions add up to. */
  change: number;
  /** Largest first (by size, whichever way). */
  contributions: TrustContribution[];
};

type Scored = { id: TrustIndicatorId; weight: number; before: number | null; now: number | null };

/**
 * Each indicator's exact share of the change in the unrounded score. The
 * score is Σ wᵢsᵢ / Σ wᵢ over the indicators with data, so when indicators
 * join or leave the others' weights are rescaled. The change is walked in
 * three steps, each exact: drop the indicators that left (each moves the score
 * by its weight share × how far the old score was above it), move the ones
 * measured in both (weight share × change in its 0–100 score), then add the
 * ones that joined (weight share × how far it sits above the score so far).
 * With nothing measured in both periods the old score simply gives way to the
 * new one: each indicator that left takes its weighted part of the old score,
 * each that joined adds its part of the new one.
 */
function exactContributions(rows: Scored[], before: number): { id: TrustIndicatorId; exact: number; kind: ContributionKind }[] {
  const both = rows.filter((r) => r.before !== null && r.now !== null);
  const left = rows.filter((r) => r.before !== null && r.now === null);
  const joined = rows.filter((r) => r.before === null && r.now !== null);
  const sum = (xs: Scored[]) => xs.reduce((a, r) => a + r.weight, 0);
  const wBefore = sum(both) + sum(left);
  const wNow = sum(both) + sum(joined);
  const wBoth = sum(both);
  const out = new Map<TrustIndicatorId, { exact: number; kind: ContributionKind }>();
  if (wBoth === 0) {
    for (const r of left) out.set(r.id, { exact: -(r.weight / wBefore) * r.before!, kind: "left" });
    for (const r of joined) out.set(r.id, { exact: (r.weight / wNow) * r.now!, kind: "joined" });
  } else {
    for (const r of left) out.set(r.id, { exact: (r.weight / wBoth) * (before - r.before!), kind: "left" });
    for (const r of both) out.set(r.id, { exact: (r.weight / wBoth) * (r.now! - r.before!), kind: "changed" });
    // The score over the indicators measured in both periods, with today's values: where the joiners are added to.
    const middle = both.reduce((a, r) => a + r.weight * r.now!, 0) / wBoth;
    for (const r of joined) out.set(r.id, { exact: (r.weight / wNow) * (r.now! - middle), kind: "joined" });
  }
  return rows.filter((r) => out.has(r.id)).map((r) => ({ id: r.id, ...out.get(r.id)! }));
}

/**
 * Rounds each value to tenths so that the rounded values add up to `totalTenths`
 * exactly (largest remainder: every value is first rounded down, then the
 * tenths still missing go to the largest remainders, ties in list order).
 * Each result is within 0.1 of its value.
 */
export function apportionTenths(values: readonly number[], totalTenths: number): number[] {
  const floors = values.map((v) => Math.floor(v * 10 + 1e-9));
  const missing = Math.max(0, Math.min(values.length, totalTenths - floors.reduce((a, b) => a + b, 0)));
  const order = values.map((v, i) => ({ i, rest: v * 10 - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order.slice(0, missing)) floors[i] += 1;
  return floors.map((f) => f / 10 || 0);
}

/**
 * What moved the trust score between two periods: each indicator's part of
 * the change, from the score's own formula, largest first. Null when either
 * period has no score (nothing to compare). The parts add up exactly to the
 * change of the unrounded score; shown to one decimal, they are apportioned
 * so that they still add up to that change rounded to one decimal. The score
 * itself is shown as a whole number, so its shown change can differ from
 * this one by less than a point.
 */
export function trustMovement(current: TrustInputs, previous: TrustInputs): TrustMovement | null {
  const exactNow = exactTrustScore(current);
  const exactBefore = exactTrustScore(previous);
  if (exactNow === null || exactBefore === null) return null;
  const rows: Scored[] = trustIndicators.map(({ id, weight }) => ({
    id,
    weight,
    before: indicatorScore(id, previous),
    now: indicatorScore(id, current),
  }));
  const parts = exactContributions(rows, exactBefore);
  const totalTenths = Math.round((exactNow - exactBefore) * 10);
  const points = apportionTenths(
    parts.map((p) => p.exact),
    totalTenths,
  );
  const contributions = parts
    .map((p, k) => ({ ...p, points: points[k] }))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || Math.abs(b.exact) - Math.abs(a.exact));
  return { exactBefore, exactNow, change: totalTenths / 10 || 0, contributions };
}
