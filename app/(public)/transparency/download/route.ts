import { getTranslations } from "next-intl/server";
import { parameterErrors, problem, problemResponse, summarizeErrors } from "@/lib/api/problem";
import { denialReasons } from "@/lib/requests/vocabulary";
import { reportCsv, reportDownloadQuerySchema, reportFileName, reportJson, type ReportCsvWords } from "@/lib/transparency/download";
import { reportKinds, reportRegimes } from "@/lib/transparency/kinds";
import { apiRoute } from "@/lib/server/api";
import { getReportVersion } from "@/db/transparency";

export const dynamic = "force-dynamic";

const figureKeys = [
  "received",
  "complied",
  "compliedInPart",
  "denied",
  "openAtYearEnd",
  "medianDays",
  "meanDays",
  "onTime",
  "onTimeRate",
] as const;

/**
 * A published transparency report as CSV (in the reader's language) or JSON: ?year=2025&format=csv, with &version=n
 * for an earlier version (the latest otherwise). Public, as the page is: a published report holds counts only, no
 * person. Bad parameters are a 400 problem naming each; an unpublished year or version is a 404 problem.
 */
export const GET = apiRoute(async (request: Request) => {
  const url = new URL(request.url);
  const parsed = reportDownloadQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const errors = parameterErrors(parsed.error);
    return problemResponse(problem("invalid-parameter", summarizeErrors(errors), { errors }));
  }
  const { year, version, format } = parsed.data;
  const report = await getReportVersion(year, version);
  if (!report)
    return problemResponse(
      problem("not-found", version ? `Version ${version} of the ${year} report is not published.` : `No report is published for ${year}.`),
    );
  const headers = {
    "Content-Disposition": `attachment; filename="${reportFileName(report.year, report.version, format)}"`,
    "Cache-Control": "no-cache",
  };
  if (format === "json")
    return new Response(JSON.stringify(reportJson(report), null, 2), {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
    });
  const t = await getTranslations("transparency");
  const words: ReportCsvWords = {
    columns: {
      table: t("columns.table"),
      row: t("columns.row"),
      ...(Object.fromEntries(figureKeys.map((k) => [k, t(`columns.${k}`)])) as Record<(typeof figureKeys)[number], string>),
      ...(Object.fromEntries(denialReasons.map((k) => [k, t(`columns.${k}`)])) as Record<(typeof denialReasons)[number], string>),
    },
    table: { california: t("scopes.california"), all: t("scopes.all"), regimes: t("regimesHeading") },
    kind: Object.fromEntries(reportKinds.map((k) => [k, t(`kinds.${k}`)])) as ReportCsvWords["kind"],
    regime: Object.fromEntries(reportRegimes.map((k) => [k, t(`regimes.${k}`)])) as ReportCsvWords["regime"],
  };
  // A byte order mark so a spreadsheet reads Korean and Japanese labels as UTF-8.
  return new Response(`\uFEFF${reportCsv(report.figures, words)}`, { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
});
