import { describe, expect, it } from "vitest";
import { countsByBucket, countsBy, figures, liveAtBucketEnds } from "./consent-figures";

const row = (day: string, purposeId: number, granted: number, denied = 0) => ({
  day,
  purposeId,
  jurisdiction: "EU",
  granted,
  denied,
  withdrawn: 0,
  expired: 0,
  gpc: 0,
  gpcGranted: 0,
});

describe("figures", () => {
  it("computes opt-in and withdrawal rates, null when there were no answers", () => {
    expect(figures({ granted: 3, denied: 1, withdrawn: 1, expired: 0, gpc: 4, gpcGranted: 1 })).toMatchObject({
      optInRate: 75,
      withdrawalRate: 33.3,
      gpcHonoured: 75,
    });
    expect(figures({ granted: 0, denied: 0, withdrawn: 0, expired: 2, gpc: 0, gpcGranted: 0 })).toMatchObject({
      optInRate: null,
      withdrawalRate: null,
      gpcHonoured: null,
    });
  });
});

describe("countsByBucket and countsBy", () => {
  it("sums day rows into buckets and by key", () => {
    const buckets = [
      { start: "2026-01-01", end: "2026-01-07" },
      { start: "2026-01-08", end: "2026-01-10" },
    ];
    const rows = [row("2026-01-02", 1, 2), row("2026-01-08", 2, 1, 1), row("2026-01-09", 1, 4), row("2026-01-11", 1, 9)];
    expect(countsByBucket(rows, buckets).map((c) => c.granted)).toEqual([2, 5]);
    expect(countsBy(rows, (r) => r.purposeId).get(1)?.granted).toBe(15);
  });
});

describe("liveAtBucketEnds", () => {
  it("walks back from the live grants now through the deltas after each bucket", () => {
    const buckets = [
      { start: "2026-01-01", end: "2026-01-01" },
      { start: "2026-01-02", end: "2026-01-02" },
    ];
    const deltas = [
      { day: "2026-01-01", delta: 5 },
      { day: "2026-01-02", delta: 2 },
      { day: "2026-01-03", delta: -1 },
    ];
    expect(liveAtBucketEnds(10, deltas, buckets)).toEqual([9, 11]);
  });
});
