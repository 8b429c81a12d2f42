import { z } from "zod";
import { toCsv, type CsvColumn } from "@/lib/metrics/csv";
import { denialReasons, type DenialReason } from "@/lib/requests/vocabulary";
import type { FigureRow, ReportFigures } from "./figures";
import type { ReportKind, ReportRegime, ReportScope } from "./kinds";

/** The query of /transparency/download: a year, optionally a version (the latest otherwise), and a format. */
export const reportDownloadQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  version: z.coerce.number().int().min(1).max(10_000).optional(),
  format: z.enum(["csv", "json"]),
});
export type ReportDownloadQuery = z.infer<typeof reportDownloadQuerySchema>;

/** A published version as the downloads describe it. */
export type PublishedReport = {
  year: number;
  version: number;
  scope: ReportScope;
  reason: string | null;
  publishedAt: Date;
  figures: ReportFigures;
};

/** The JSON download: the frozen figures as stored, with what they are and how to read them. */
export function reportJson(r: PublishedReport) {
  return {
    report: "CCPA 11 CCR §7102 transparency report",
    year: r.year,
    version: r.version,
    publishedAt: r.publishedAt.toISOString(),
    correctionReason: r.reason,
    scope: r.scope,
    timeZone: r.figures.timeZone,
    periodStart: r.figures.periodStart,
    periodEnd: r.figures.periodEnd,
    units: {
      days: "calendar days from receipt to closing, median and mean rounded to one decimal place",
      onTimeRate: "per cent of the requests closed by the year's end that closed by their due date, one decimal place",
      viaChoices:
        r.figures.optOutCounting === "per_person"
          ? "opt-outs through the preference center, the consent banner or a GPC signal: one each time a person went from refusing no sale/sharing purpose to refusing one, dated in the report's time zone"
          : "opt-outs through the preference center, the consent banner or a GPC signal: one per person and sale/sharing purpose each time its state changed to a refusal, by UTC day",
    },
    california: r.figures.california,
    allIndividuals: r.figures.all,
    regimes: r.figures.regimes,
  };
}

/** The words a CSV is written in (the reader's language). */
export type ReportCsvWords = {
  columns: Record<"table" | "row" | keyof Omit<FigureRow, "byReason"> | DenialReason, string>;
  table: Record<ReportScope | "regimes", string>;
  kind: Record<ReportKind, string>;
  regime: Record<ReportRegime, string>;
};

type CsvRow = Record<string, string | number | null>;

/** The CSV download: one line per kind for each scope, then one per regime; the denial reasons as columns. */
export function reportCsv(f: ReportFigures, words: ReportCsvWords): string {
  const figureKeys = [
    "received",
    "complied",
    "compliedInPart",
    "denied",
    ...denialReasons,
    "openAtYearEnd",
    "medianDays",
    "meanDays",
    "onTime",
    "onTimeRate",
  ] as const;
  const columns: CsvColumn<CsvRow>[] = [
    { key: "table", label: words.columns.table },
    { key: "row", label: words.columns.row },
    ...figureKeys.map((key) => ({ key, label: words.columns[key] })),
  ];
  const line = (table: string, row: string, x: FigureRow): CsvRow => {
    const { byReason, ...rest } = x;
    return { table, row, ...rest, ...byReason };
  };
  const rows: CsvRow[] = [
    ...f.california.map((x) => line(words.table.california, words.kind[x.kind], x)),
    ...f.all.map((x) => line(words.table.all, words.kind[x.kind], x)),
    ...f.regimes.map((x) => line(words.table.regimes, words.regime[x.regime], x)),
  ];
  return toCsv(columns, rows);
}

/** The download's file name: transparency-report_2025_v2.csv. */
export function reportFileName(year: number, version: number, format: "csv" | "json"): string {
  return `transparency-report_${year}_v${version}.${format}`;
}

export type ReportFormat = ReportDownloadQuery["format"];
