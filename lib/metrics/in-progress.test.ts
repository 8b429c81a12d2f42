import { describe, expect, it } from "vitest";
import { splitTrend } from "./in-progress";

type Row = { start: string; end: string; granted: number };
const today = "2026-12-06";
const rows: Row[] = [
  { start: "2026-12-04", end: "2026-12-04", granted: 180 },
  { start: "2026-12-05", end: "2026-12-05", granted: 190 },
  { start: "2026-12-06", end: "2026-12-06", granted: 12 },
];
const counting = (r: Row) => r.end >= today;

describe("splitTrend", () => {
  it("keeps today's partial count out of the points drawn and hands it back on its own", () => {
    const { complete, partial } = splitTrend(rows, counting);
    expect(complete.map((r) => r.granted)).toEqual([180, 190]);
    expect(partial).toEqual(rows[2]);
  });

  it("draws every point of a period that ended before today", () => {
    expect(splitTrend(rows, (r) => r.end >= "2026-12-07")).toEqual({ complete: rows, partial: null });
  });

  it("leaves nothing to draw when the period is today alone", () => {
    expect(splitTrend([rows[2]], counting)).toEqual({ complete: [], partial: rows[2] });
  });

  it("treats a week that ends today as partial, whatever its start", () => {
    const weeks = [
      { start: "2026-11-23", end: "2026-11-29", granted: 1200 },
      { start: "2026-11-30", end: today, granted: 1100 },
    ];
    expect(splitTrend(weeks, counting).partial).toEqual(weeks[1]);
  });
});
