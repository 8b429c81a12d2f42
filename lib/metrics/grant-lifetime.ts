import { DAY_MS } from "../time";

/** Upper bounds (exclusive, in days) of the lifetime buckets; the last bucket is open-ended. */
export const LIFETIME_BOUNDS_DAYS = [1, 7, 30, 90, 180, 365, 730] as const;

/** Bucket labels for charts and CSV, one more than the bounds. */
export const lifetimeBuckets = ["under-1d", "1-7d", "7-30d", "30-90d", "90-180d", "180-365d", "1-2y", "over-2y"] as const;
export type LifetimeBucket = (typeof lifetimeBuckets)[number];

/** The bucket of a grant that lasted `ms`: the index into `lifetimeBuckets`. */
export function lifetimeBucket(ms: number): number {
  const days = Math.max(0, ms) / DAY_MS;
  const i = LIFETIME_BOUNDS_DAYS.findIndex((bound) => days < bound);
  return i === -1 ? LIFETIME_BOUNDS_DAYS.length : i;
}
