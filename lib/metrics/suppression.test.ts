import { describe, expect, it } from "vitest";
import { belowK, suppressCells, suppressionKSchema, type SumGroup } from "./suppression";

const cells = (o: Record<string, number>) => new Map(Object.entries(o));
const sorted = (s: Set<string>) => [...s].sort();

describe("suppressCells", () => {
  it("hides every cell below k and nothing else when no total is shown", () => {
    expect(sorted(suppressCells(cells({ a: 3, b: 9, c: 10, d: 0 }), [], 10))).toEqual(["a", "b", "d"]);
  });

  it("hides the smallest other cell of a row whose total is shown and which has one small cell", () => {
    const c = cells({ total: 62, a: 4, b: 18, c: 40 });
    const groups: SumGroup[] = [{ total: "total", parts: ["a", "b", "c"] }];
    expect(sorted(suppressCells(c, groups, 10))).toEqual(["a", "b"]);
  });

  it("leaves a row alone when two hidden cells already sum to k or more and neither equals the gap", () => {
    const c = cells({ total: 70, a: 4, b: 6, c: 60 });
    // 4 + 6 = 10: the gap is 10, not below k, and no hidden cell is 10.
    expect(sorted(suppressCells(c, [{ total: "total", parts: ["a", "b", "c"] }], 10))).toEqual(["a", "b"]);
  });

  it("hides more when the hidden cells' recoverable sum is itself below k", () => {
    const c = cells({ total: 65, a: 2, b: 3, c: 20, d: 40 });
    expect(sorted(suppressCells(c, [{ total: "total", parts: ["a", "b", "c", "d"] }], 10))).toEqual(["a", "b", "c"]);
  });

  it("hides more when a hidden zero would make the other hidden cell equal the gap", () => {
    // 0 is hidden (below k); the smallest shown cell, 12, is hidden with it; the gap 12 equals it, so 30 goes too.
    const c = cells({ total: 42, a: 0, b: 12, c: 30 });
    expect(sorted(suppressCells(c, [{ total: "total", parts: ["a", "b", "c"] }], 10))).toEqual(["a", "b", "c"]);
    // With no part left to hide, the total goes.
    const d = cells({ total: 15, a: 0, b: 15 });
    expect(sorted(suppressCells(d, [{ total: "total", parts: ["a", "b"] }], 10))).toEqual(["a", "b", "total"]);
  });

  it("hides the total when its only part is hidden, and a lone shown part beside a hidden one", () => {
    expect(sorted(suppressCells(cells({ total: 7, a: 7 }), [{ total: "total", parts: ["a"] }], 10))).toEqual(["a", "total"]);
    expect(sorted(suppressCells(cells({ t: 30, a: 3, b: 27 }), [{ total: "t", parts: ["a", "b"] }], 10))).toEqual(["a", "b"]);
  });

  it("hides a part when a hidden total's parts are all shown (their sum would give it)", () => {
    // The total is below k but its parts are not (the parts fall short: another group hides them).
    const c = cells({ t: 8, a: 12, b: 15 });
    expect(sorted(suppressCells(c, [{ total: "t", parts: ["a", "b"] }], 10))).toEqual(["a", "t"]);
  });

  it("reaches a fixed point across rows and columns: a complement in a row forces one in its column", () => {
    // Rows r1, r2 with totals; columns x, y with totals; one small cell r1x.
    const c = cells({ r1x: 3, r1y: 20, r2x: 30, r2y: 40, r1: 23, r2: 70, x: 33, y: 60, all: 93 });
    const groups: SumGroup[] = [
      { total: "r1", parts: ["r1x", "r1y"] },
      { total: "r2", parts: ["r2x", "r2y"] },
      { total: "x", parts: ["r1x", "r2x"] },
      { total: "y", parts: ["r1y", "r2y"] },
      { total: "all", parts: ["r1", "r2"] },
    ];
    const hidden = suppressCells(c, groups, 10);
    expect(sorted(hidden)).toEqual(["r1x", "r1y", "r2x", "r2y"]);
    for (const g of groups) {
      const h = g.parts.filter((p) => hidden.has(p));
      expect(h.length === 0 || h.length >= 2 || hidden.has(g.total)).toBe(true);
    }
  });

  it("uses the brand's k: the same table hides less at k = 5", () => {
    const c = cells({ total: 62, a: 6, b: 16, c: 40 });
    expect(sorted(suppressCells(c, [{ total: "total", parts: ["a", "b", "c"] }], 5))).toEqual([]);
  });
});

describe("suppressionKSchema", () => {
  it("takes a whole number from 5 and refuses smaller, fractional or missing ones", () => {
    expect(suppressionKSchema.parse({ suppressionK: "10" })).toEqual({ suppressionK: 10 });
    expect(suppressionKSchema.parse({ suppressionK: "5" })).toEqual({ suppressionK: 5 });
    const error = (v: string) => suppressionKSchema.safeParse({ suppressionK: v }).error?.issues[0]?.message;
    expect(error("4")).toBe("too-small");
    expect(error("7.5")).toBe("not-a-whole-number");
    expect(error("")).toBe("required");
    expect(error("2000")).toBe("too-large");
  });

  it('writes a suppressed figure as "< k"', () => {
    expect(belowK(10)).toBe("< 10");
  });
});
