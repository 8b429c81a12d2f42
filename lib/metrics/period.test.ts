import { describe, expect, it } from "vitest";
import { addDays } from "../time";
import {
  DEFAULT_PERIOD_DAYS,
  bucketIndex,
  dashboardQuerySchema,
  lastDays,
  lastDaysCount,
  periodLength,
  periodWindow,
  previousPeriod,
  resolvePeriod,
  trendBuckets,
} from "./period";
import { DAY_MS } from "../time";

describe("resolvePeriod", () => {
  it("defaults to the 30 days ending today", () => {
    expect(resolvePeriod({}, "2026-03-10")).toEqual({ ok: true, period: { from: "2026-02-09", to: "2026-03-10" } });
  });

  it("refuses a period that runs backwards, ends in the future or is longer than two years", () => {
    expect(resolvePeriod({ from: "2026-03-02", to: "2026-03-01" }, "2026-03-10")).toMatchObject({ ok: false, field: "from" });
    expect(resolvePeriod({ to: "2026-03-11" }, "2026-03-10")).toMatchObject({ ok: false, field: "to" });
    expect(resolvePeriod({ from: "2024-03-08", to: "2026-03-10" }, "2026-03-10")).toMatchObject({ ok: false, field: "from" });
    expect(resolvePeriod({ from: "2024-03-09", to: "2026-03-09" }, "2026-03-10")).toMatchObject({ ok: true });
  });
});

describe("lastDays", () => {
  it("holds exactly n days ending today, the same period the dashboards open on", () => {
    const p = lastDays("2026-03-10");
    expect(periodLength(p)).toBe(DEFAULT_PERIOD_DAYS);
    expect(p).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    expect(resolvePeriod({}, "2026-03-10")).toEqual({ ok: true, period: p });
    expect(periodLength(lastDays("2024-03-01", 7))).toBe(7);
    expect(lastDays("2024-03-01", 1)).toEqual({ from: "2024-03-01", to: "2024-03-01" });
  });
});

describe("lastDaysCount", () => {
  it("names a period by the n of lastDays it was made with, for every n up to two years", () => {
    for (const n of [1, 7, 30, 90, 365, 731]) expect(lastDaysCount(lastDays("2024-03-01", n), "2024-03-01")).toBe(n);
  });

  it("gives no count for a period that ends before today", () => {
    expect(lastDaysCount(lastDays("2026-03-09"), "2026-03-10")).toBeNull();
  });
});

describe("previousPeriod", () => {
  it("is as long as the period and ends the day before it", () => {
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(periodLength({ from: "2024-02-28", to: "2024-03-01" })).toBe(3);
  });
});

describe("trendBuckets", () => {
  it("uses days up to a month, weeks up to half a year, 30-day steps beyond", () => {
    expect(trendBuckets({ from: "2026-03-01", to: "2026-03-31" })).toHaveLength(31);
    const weeks = trendBuckets({ from: "2026-01-01", to: "2026-03-31" });
    expect(weeks).toHaveLength(13);
    expect(weeks.at(-1)).toEqual({ start: "2026-03-26", end: "2026-03-31" });
    expect(trendBuckets({ from: "2025-01-01", to: "2025-12-31" })).toHaveLength(13);
  });

  it("finds the bucket of a day, or none outside the period", () => {
    const b = trendBuckets({ from: "2026-01-01", to: "2026-03-31" });
    expect(bucketIndex(b, "2026-01-08")).toBe(1);
    expect(bucketIndex(b, "2026-03-31")).toBe(12);
    expect(bucketIndex(b, "2025-12-31")).toBe(-1);
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("dashboardQuerySchema", () => {
  it("accepts the dashboard filters and refuses anything else", () => {
    expect(dashboardQuerySchema.safeParse({ from: "2026-02-01", jurisdiction: "KR", purpose: "newsletter" }).success).toBe(true);
    expect(dashboardQuerySchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(dashboardQuerySchema.safeParse({ jurisdiction: "FR" }).success).toBe(false);
    expect(dashboardQuerySchema.safeParse({ purpose: "Robert'); DROP" }).success).toBe(false);
    expect(dashboardQuerySchema.safeParse({ email: "a@b.c" }).success).toBe(false);
  });
});

describe("periodWindow", () => {
  it("spans from the first day's start to the start of the day after the last", () => {
    expect(periodWindow({ from: "2026-01-01", to: "2026-01-02" })).toEqual({
      start: Date.parse("2026-01-01T00:00:00Z"),
      end: Date.parse("2026-01-03T00:00:00Z"),
    });
    expect(
      periodWindow({ start: "2026-01-05", end: "2026-01-05" }).end - periodWindow({ start: "2026-01-05", end: "2026-01-05" }).start,
    ).toBe(DAY_MS);
  });
});
