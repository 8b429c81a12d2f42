import { describe, expect, it } from "vitest";
import { computeReportFigures } from "./figures";
import { reportCsv, reportDownloadQuerySchema, reportFileName, reportJson, type ReportCsvWords } from "./download";

const words: ReportCsvWords = {
  columns: {
    table: "Table",
    row: "Row",
    received: "Received",
    complied: "Complied",
    compliedInPart: "In part",
    denied: "Denied",
    not_verifiable: "Not verifiable",
    not_a_consumer: "Not a consumer",
    exempt: "Exempt",
    other: "Other",
    openAtYearEnd: "Open",
    medianDays: "Median days",
    meanDays: "Mean days",
    onTime: "On time",
    onTimeRate: "On-time %",
  },
  table: { california: "California residents", all: "All individuals", regimes: "Other laws" },
  kind: { delete: "Delete", correct: "Correct", know: "Know", opt_out: "Opt out", limit: "Limit" },
  regime: { gdpr: "GDPR", pipa: "PIPA", appi: "APPI" },
};

describe("reportCsv", () => {
  it("writes a line per kind and scope and one per regime, reasons as columns", () => {
    const received = Date.parse("2025-03-01T12:00:00Z");
    const figures = computeReportFigures(
      2025,
      "UTC",
      [
        {
          type: "deletion",
          jurisdiction: "US-CA",
          status: "rejected",
          receivedAt: received,
          dueAt: received + 45 * 86_400_000,
          closedAt: received + 2 * 86_400_000,
          outcome: "denied",
          denialReason: "exempt",
        },
      ],
      { california: 0, all: 0 },
    );
    const lines = reportCsv(figures, words).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 5 + 5 + 3);
    expect(lines[0]).toBe(
      "Table,Row,Received,Complied,In part,Denied,Not verifiable,Not a consumer,Exempt,Other,Open,Median days,Mean days,On time,On-time %",
    );
    expect(lines[1]).toBe("California residents,Delete,1,0,0,1,0,0,1,0,0,2,2,1,100");
    expect(lines[2]).toBe("California residents,Correct,0,0,0,0,0,0,0,0,0,,,0,");
    expect(lines[11]).toBe("Other laws,GDPR,0,0,0,0,0,0,0,0,0,,,0,");
  });
});

describe("reportJson", () => {
  it("says how its opt-outs through choices were counted: per person now, per purpose and UTC day in a report published before", () => {
    const figures = computeReportFigures(2025, "America/Los_Angeles", [], { california: 3, all: 4 });
    expect(figures.optOutCounting).toBe("per_person");
    const report = { year: 2025, version: 1, scope: "california" as const, reason: null, publishedAt: new Date(0), figures };
    expect(reportJson(report).units.viaChoices).toMatch(
      /one each time a person went from refusing no sale\/sharing purpose to refusing one/,
    );
    const before = { ...figures, optOutCounting: undefined };
    expect(reportJson({ ...report, figures: before }).units.viaChoices).toMatch(/per person and sale\/sharing purpose .* by UTC day/);
  });
});

describe("reportDownloadQuerySchema", () => {
  it("takes a year and format, and a version when given", () => {
    expect(reportDownloadQuerySchema.parse({ year: "2025", format: "csv" })).toEqual({ year: 2025, format: "csv" });
    expect(reportDownloadQuerySchema.parse({ year: "2025", version: "2", format: "json" })).toEqual({
      year: 2025,
      version: 2,
      format: "json",
    });
  });

  it("refuses a missing year, an unknown format, a version of 0 and unknown parameters", () => {
    expect(reportDownloadQuerySchema.safeParse({ format: "csv" }).success).toBe(false);
    expect(reportDownloadQuerySchema.safeParse({ year: "2025", format: "xlsx" }).success).toBe(false);
    expect(reportDownloadQuerySchema.safeParse({ year: "2025", version: "0", format: "csv" }).success).toBe(false);
    expect(reportDownloadQuerySchema.safeParse({ year: "2025", format: "csv", drop: "1" }).success).toBe(false);
  });

  it("names the file by year and version", () => {
    expect(reportFileName(2025, 2, "csv")).toBe("transparency-report_2025_v2.csv");
  });
});
