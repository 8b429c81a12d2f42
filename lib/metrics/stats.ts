/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A share as a percentage with one decimal, or null when there is nothing to divide. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** Rounds to one decimal. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export type Change = { delta: number; direction: "up" | "down" | "flat" };

/** How a figure moved from the previous period: the difference (one decimal) and its direction; null when either is unknown. */
export function changeFrom(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const delta = round1(current - previous);
  return { delta, direction: delta > 0 ? "up" : delta < 0 ? "down" : "flat" };
}
