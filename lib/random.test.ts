import { describe, expect, it } from "vitest";
import { createRandom } from "./random";

describe("createRandom", () => {
  it("yields the same sequence for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 50 }, () => a.uint32());
    const seqB = Array.from({ length: 50 }, () => b.uint32());
    expect(seqA).toEqual(seqB);
  });

  it("yields different sequences for different seeds", () => {
    const a = Array.from(
      { length: 10 },
      (
        (r) => () =>
          r.uint32()
      )(createRandom(1)),
    );
    const b = Array.from(
      { length: 10 },
      (
        (r) => () =>
          r.uint32()
      )(createRandom(2)),
    );
    expect(a).not.toEqual(b);
  });

  it("keeps next() within [0, 1) and spreads it evenly", () => {
    const r = createRandom(7);
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      if (x < 0 || x >= 1) outside++;
      else buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const n of buckets) expect(n).toBeGreaterThan(9_500);
  });

  it("returns integers within both inclusive bounds and reaches each end", () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i++) {
      const n = r.int(-2, 3);
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(r.int(5, 5)).toBe(5);
    expect(() => r.int(2, 1)).toThrow(RangeError);
  });

  it("keeps float() within [min, max)", () => {
    const r = createRandom(5);
    for (let i = 0; i < 1_000; i++) {
      const x = r.float(10, 12);
      expect(x).toBeGreaterThanOrEqual(10);
      expect(x).toBeLessThan(12);
    }
  });

  it("picks only items of the list and refuses an empty one", () => {
    const r = createRandom(11);
    const items = ["a", "b", "c"] as const;
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(r.pick(items));
    expect([...seen].sort()).toEqual(["a", "b", "c"]);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it("picks by weight in proportion and never picks a zero weight", () => {
    const r = createRandom(13);
    const counts = { rare: 0, common: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) {
      counts[
        r.weighted([
          ["rare", 1],
          ["common", 3],
          ["never", 0],
        ] as const)
      ]++;
    }
    expect(counts.never).toBe(0);
    expect(counts.common / counts.rare).toBeGreaterThan(2.8);
    expect(counts.common / counts.rare).toBeLessThan(3.2);
    expect(() => r.weighted([["x", 0]])).toThrow(RangeError);
  });

  it("makes bernoulli(p) true about p of the time, and never or always at 0 and 1", () => {
    const r = createRandom(17);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (r.bernoulli(0.25)) hits++;
    expect(hits / 20_000).toBeGreaterThan(0.23);
    expect(hits / 20_000).toBeLessThan(0.27);
    for (let i = 0; i < 100; i++) {
      expect(r.bernoulli(0)).toBe(false);
      expect(r.bernoulli(1)).toBe(true);
    }
  });

  it("makes version-4-shaped uuids that repeat only with the seed", () => {
    const a = createRandom(19);
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = a.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(10_000);
    expect(createRandom(19).uuid()).toBe(createRandom(19).uuid());
  });

  it("shuffles into a permutation of the same items", () => {
    const r = createRandom(23);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = r.shuffle(items);
    expect(shuffled.slice().sort((x, y) => x - y)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("forks streams that are reproducible and independent of each other", () => {
    const root = createRandom(29);
    const x1 = root.fork("subjects").uint32();
    const x2 = createRandom(29).fork("subjects").uint32();
    const y = createRandom(29).fork("requests").uint32();
    expect(x1).toBe(x2);
    expect(x1).not.toBe(y);
  });
});
