import { bucketIndex, type Bucket } from "./period";
import { rate } from "./stats";

/** Consent events by type; `gpc`: events of sale/sharing purposes that came with a Global Privacy Control signal, `gpcGranted` the grants among them. */
export type EventCounts = { granted: number; denied: number; withdrawn: number; expired: number; gpc: number; gpcGranted: number };

/** Event counts with the rates people read: opt-in, withdrawals per grant, GPC signals honoured. */
export type EventFigures = EventCounts & { optInRate: number | null; withdrawalRate: number | null; gpcHonoured: number | null };

export const zeroCounts = (): EventCounts => ({ granted: 0, denied: 0, withdrawn: 0, expired: 0, gpc: 0, gpcGranted: 0 });

/** Adds `b` into `a`. */
export function addCounts(a: EventCounts, b: EventCounts): EventCounts {
  a.granted += b.granted;
  a.denied += b.denied;
  a.withdrawn += b.withdrawn;
  a.expired += b.expired;
  a.gpc += b.gpc;
  a.gpcGranted += b.gpcGranted;
  return a;
}

/**
 * Opt-in rate = grants ÷ (grants + denials); withdrawal rate = withdrawals ÷
 * grants; GPC honoured = GPC events that were not grants ÷ GPC events; all in percent.
 */
export function figures(c: EventCounts): EventFigures {
  return {
    ...c,
    optInRate: rate(c.granted, c.granted + c.denied),
    withdrawalRate: rate(c.withdrawn, c.granted),
    gpcHonoured: rate(c.gpc - c.gpcGranted, c.gpc),
  };
}

export type DayCounts = EventCounts & { day: string; purposeId: number; jurisdiction: string };

/** Sums day rows into the trend's buckets (days outside the period are ignored). */
export function countsByBucket(rows: readonly DayCounts[], buckets: readonly Bucket[]): EventCounts[] {
  const out = buckets.map(zeroCounts);
  for (const r of rows) {
    const i = bucketIndex(buckets, r.day);
    if (i >= 0) addCounts(out[i], r);
  }
  return out;
}

/** Sums rows by a key, e.g. purpose or jurisdiction. */
export function countsBy<K>(rows: readonly DayCounts[], key: (r: DayCounts) => K): Map<K, EventCounts> {
  const out = new Map<K, EventCounts>();
  for (const r of rows) {
    const k = key(r);
    out.set(k, addCounts(out.get(k) ?? zeroCounts(), r));
  }
  return out;
}

/**
 * Live grants at the end of each bucket, from the live grants now and the
 * daily deltas (grants started minus stopped) after each bucket's last day.
 */
export function liveAtBucketEnds(liveNow: number, deltas: readonly { day: string; delta: number }[], buckets: readonly Bucket[]): number[] {
  const sorted = [...deltas].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  const out = new Array<number>(buckets.length);
  let live = liveNow;
  let i = 0;
  for (let b = buckets.length - 1; b >= 0; b--) {
    while (i < sorted.length && sorted[i].day > buckets[b].end) live -= sorted[i++].delta;
    out[b] = live;
  }
  return out;
}
