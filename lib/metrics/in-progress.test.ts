import { describe, expect, it } from "vitest";
import { dedupeSeriesEntries, soFarKey, splitInProgress } from "./in-progress";

type Row = { day: string; score: number | null };
const rows: Row[] = [
  { day: "01", score: 60 },
  { day: "02", score: 70 },
  { day: "03", score: 30 },
];

describe("splitInProgress", () => {
  it("moves the point in progress, joined to the last complete one, to its own series", () => {
    const out = splitInProgress(rows, ["score"], (r) => r.day === "03");
    expect(out.map((r) => [r.score, r[soFarKey("score")]])).toEqual([
      [60, null],
      [70, 70],
      [null, 30],
    ]);
    expect(rows[2].score).toBe(30);
  });

  it("leaves a trend with nothing in progress as it is", () => {
    expect(splitInProgress(rows, ["score"], () => false)).toEqual(rows);
  });

  it("draws a trend that is all in progress dashed only", () => {
    const out = splitInProgress(rows, ["score"], () => true);
    expect(out.map((r) => [r.score, r[soFarKey("score")]])).toEqual([
      [null, 60],
      [null, 70],
      [null, 30],
    ]);
  });
});

describe("dedupeSeriesEntries", () => {
  it("keeps one entry per series, skipping empty ones", () => {
    const entries = [
      { dataKey: "score", value: 70 },
      { dataKey: "score__soFar", value: 70 },
      { dataKey: "live", value: null },
      { dataKey: "live__soFar", value: 5 },
    ];
    expect(dedupeSeriesEntries(entries)).toEqual([entries[0], entries[3]]);
  });
});
