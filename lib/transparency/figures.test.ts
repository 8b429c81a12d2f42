import { describe, expect, it } from "vitest";
import { computeReportFigures, type KindRow, type ReportRequest } from "./figures";
import { yearPeriod, zonedYearOf } from "./period";

// Every expected figure below was worked out by hand from the rows written here, not by the code under test.
// The brand is in Los Angeles (UTC−8 in December and January), so the year 2025 runs from
// 2025-01-01T08:00:00Z up to, not including, 2026-01-01T08:00:00Z.
const DAY = 86_400_000;
const zone = "America/Los_Angeles";

function req(
  type: string,
  jurisdiction: string,
  receivedIso: string,
  closeAfterDays: number | null,
  outcome: ReportRequest["outcome"],
  denialReason: ReportRequest["denialReason"] = null,
  dueDays = 45,
): ReportRequest {
  const receivedAt = Date.parse(receivedIso);
  const closedAt = closeAfterDays === null ? null : receivedAt + closeAfterDays * DAY;
  const status = closeAfterDays === null ? "in_progress" : outcome === "denied" ? "rejected" : "completed";
  return { type, jurisdiction, status, receivedAt, dueAt: receivedAt + dueDays * DAY, closedAt, outcome, denialReason };
}

const rows: ReportRequest[] = [
  // delete: four, an even count for the median (10, 20, 30, 50 → 25), one late (50 > 45 days)
  req("deletion", "US-CA", "2025-03-03T20:00:00Z", 10, "complied"),
  req("deletion", "US-CA", "2025-03-04T20:00:00Z", 20, "denied", "not_verifiable"),
  req("deletion", "US-CA", "2025-03-05T20:00:00Z", 30, "complied_in_part", "exempt"),
  req("deletion", "US-CA", "2025-03-06T20:00:00Z", 50, "complied"),
  // correct: three, an odd count (5, 7, 12 → 7)
  req("rectification", "US-CA", "2025-05-01T20:00:00Z", 5, "complied"),
  req("rectification", "US-CA", "2025-05-02T20:00:00Z", 7, "denied", "not_a_consumer"),
  req("rectification", "US-CA", "2025-05-03T20:00:00Z", 12, "denied", "other"),
  // know: 31 December 23:30 in Los Angeles (already 1 January in UTC) counts in 2025, closed 20 minutes later
  {
    ...req("access", "US-CA", "2026-01-01T07:30:00Z", null, null),
    status: "completed",
    outcome: "complied",
    closedAt: Date.parse("2026-01-01T07:50:00Z"),
  },
  // 1 January 00:30 in Los Angeles: 2026, not counted
  req("portability", "US-CA", "2026-01-01T08:30:00Z", 2, "complied"),
  // 1 January 00:00 exactly: 2025
  req("access", "US-CA", "2025-01-01T08:00:00Z", 4, "complied"),
  // 31 December 2024 23:59:59 in Los Angeles (1 January 2025 in UTC): 2024, not counted
  req("access", "US-CA", "2025-01-01T07:59:59Z", 3, "complied"),
  // still open, and closed only after the year ended: both open at year end
  req("portability", "US-CA", "2025-12-20T20:00:00Z", null, null),
  req("access", "US-CA", "2025-12-28T20:00:00Z", 8, "complied"),
  // opt-out of sale/sharing by request (1 day), plus 3 Californian opt-outs through consent choices (0 days each)
  req("opt_out_sale", "US-CA", "2025-07-01T20:00:00Z", 1, "complied"),
  // limit: one complied with, one closed as "rejected" before outcomes existed (counts as denied, reason other)
  req("limit_sensitive", "US-CA", "2025-08-01T20:00:00Z", 3, "complied"),
  { ...req("limit_sensitive", "US-CA", "2025-08-02T20:00:00Z", 1, null), status: "rejected" },
  // a Californian objection: no §7102 kind, not counted in the CCPA table
  req("objection", "US-CA", "2025-09-01T20:00:00Z", 2, "complied"),
  // other regimes
  req("access", "EU", "2025-06-02T20:00:00Z", 35, "complied", null, 30),
  req("deletion", "UK", "2025-06-03T20:00:00Z", 10, "complied", null, 30),
  req("access", "KR", "2025-06-04T20:00:00Z", 8, "denied", "not_verifiable", 10),
  req("restriction", "JP", "2025-12-31T20:00:00Z", null, null, null, 14),
];

const figures = computeReportFigures(2025, zone, rows, { california: 3, all: 5 });
const kind = (list: KindRow[], k: KindRow["kind"]) => list.find((r) => r.kind === k)!;
const none = { not_verifiable: 0, not_a_consumer: 0, exempt: 0, other: 0 };

describe("computeReportFigures, California", () => {
  it("counts deletions: the in-part one as complied, its withheld part under exempt; median of an even count", () => {
    expect(kind(figures.california, "delete")).toEqual({
      kind: "delete",
      viaChoices: 0,
      received: 4,
      complied: 3,
      compliedInPart: 1,
      denied: 1,
      byReason: { ...none, not_verifiable: 1, exempt: 1 },
      openAtYearEnd: 0,
      onTime: 3,
      medianDays: 25,
      meanDays: 27.5,
      onTimeRate: 75,
    });
  });

  it("counts corrections denied as not a consumer and for another reason; median of an odd count", () => {
    expect(kind(figures.california, "correct")).toMatchObject({
      received: 3,
      complied: 1,
      denied: 2,
      byReason: { ...none, not_a_consumer: 1, other: 1 },
      medianDays: 7,
      meanDays: 8,
      onTimeRate: 100,
    });
  });

  it("counts requests to know by the brand's calendar: 31 December in, 1 January out, open at year end apart", () => {
    // in 2025: 31 Dec 23:30 (20 minutes), 1 Jan 00:00 (4 days), open on 20 Dec, closed after the year on 28 Dec
    expect(kind(figures.california, "know")).toMatchObject({
      received: 4,
      complied: 2,
      denied: 0,
      openAtYearEnd: 2,
      medianDays: 2, // (20/1440 + 4) / 2 = 2.0069
      meanDays: 2,
    });
  });

  it("adds opt-outs made through consent choices to the opt-out requests, each complied with at once", () => {
    // days 0, 0, 0, 1: median (0 + 0) / 2 = 0, mean 1/4 = 0.25 → 0.3
    expect(kind(figures.california, "opt_out")).toMatchObject({
      received: 4,
      viaChoices: 3,
      complied: 4,
      denied: 0,
      medianDays: 0,
      meanDays: 0.3,
      onTime: 4,
      onTimeRate: 100,
    });
  });

  it("counts limit requests, a row closed as rejected before outcomes as denied for another reason", () => {
    expect(kind(figures.california, "limit")).toMatchObject({
      received: 2,
      complied: 1,
      denied: 1,
      byReason: { ...none, other: 1 },
      medianDays: 2,
      meanDays: 2,
    });
  });

  it("states the period in the brand's zone", () => {
    expect(figures.periodStart).toBe("2025-01-01T08:00:00.000Z");
    expect(figures.periodEnd).toBe("2026-01-01T07:59:59.999Z");
  });
});

describe("computeReportFigures, all individuals and other regimes", () => {
  it("counts every jurisdiction's requests in the all-individuals table", () => {
    // deletions 10, 10, 20, 30, 50 → median 20, mean 24
    expect(kind(figures.all, "delete")).toMatchObject({ received: 5, complied: 4, denied: 1, medianDays: 20, meanDays: 24 });
    // know: 20 min, 4, 8 (KR, denied), 35 (EU) → median 6, mean 47.0139/4 = 11.75 → 11.8
    expect(kind(figures.all, "know")).toMatchObject({
      received: 6,
      complied: 3,
      denied: 1,
      openAtYearEnd: 2,
      byReason: { ...none, not_verifiable: 1 },
      medianDays: 6,
      meanDays: 11.8,
    });
    expect(kind(figures.all, "opt_out")).toMatchObject({ received: 6, viaChoices: 5, complied: 6 });
  });

  it("gives each regime its figures and on-time rate", () => {
    const [gdpr, pipa, appi] = figures.regimes;
    expect(gdpr).toMatchObject({ regime: "gdpr", received: 2, complied: 2, onTime: 1, onTimeRate: 50, medianDays: 22.5, meanDays: 22.5 });
    expect(pipa).toMatchObject({ regime: "pipa", received: 1, denied: 1, byReason: { ...none, not_verifiable: 1 }, onTimeRate: 100 });
    expect(appi).toMatchObject({ regime: "appi", received: 1, openAtYearEnd: 1, medianDays: null, meanDays: null, onTimeRate: null });
  });

  it("gives empty figures for a year with no requests", () => {
    const empty = computeReportFigures(2019, zone, rows, { california: 0, all: 0 });
    expect(kind(empty.california, "delete")).toMatchObject({ received: 0, medianDays: null, meanDays: null, onTimeRate: null });
  });
});

describe("yearPeriod", () => {
  it("starts the year at local midnight in Seoul (UTC+9) and Los Angeles (UTC−8)", () => {
    expect(new Date(yearPeriod(2025, "Asia/Seoul").start).toISOString()).toBe("2024-12-31T15:00:00.000Z");
    expect(new Date(yearPeriod(2025, zone).end).toISOString()).toBe("2026-01-01T08:00:00.000Z");
    expect(zonedYearOf(Date.parse("2026-01-01T07:59:59Z"), zone)).toBe(2025);
  });
});
