import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { lastEndedYear, zonedYearOf } from "@/lib/transparency/period";
import { getDateFormatter } from "@/lib/server/format";
import { resolveTimeZone } from "@/lib/server/i18n-request";
import { requirePagePermission } from "@/lib/server/session";
import { getLiveFigures, listReportVersions, type ReportVersion } from "@/db/transparency";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ReportBody } from "@/components/transparency/report-tables";
import { PublishReportForm } from "./publish-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transparency"))("admin.title") };
}

const querySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

/** The transparency report desk: a year's live figures, publishing and correcting, and the versions published. */
export default async function TransparencyAdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("transparency:read", "/admin/transparency");
  const [t, format, timeZone] = await Promise.all([getTranslations("transparency"), getDateFormatter(), resolveTimeZone()]);
  const now = new Date().getTime();
  const ended = lastEndedYear(now, timeZone);
  const current = zonedYearOf(now, timeZone);
  const { year: asked } = querySchema.parse(await searchParams);
  const year = asked !== undefined && asked <= current ? asked : ended;
  const [figures, versions] = await Promise.all([getLiveFigures(year), listReportVersions(year)]);
  const latest = versions[0];
  const years = Array.from({ length: 6 }, (_, i) => current - i);
  if (!years.includes(year)) years.push(year);
  const canPublish = can(user.role, "transparency:publish");
  const columns: DataColumn<ReportVersion>[] = [
    { key: "version", header: t("admin.columns.version"), cell: (v) => v.version, className: "num" },
    {
      key: "publishedAt",
      header: t("admin.columns.publishedAt"),
      cell: (v) => format.dateTime(v.publishedAt, { dateStyle: "medium", timeStyle: "short" }),
    },
    { key: "by", header: t("admin.columns.by"), cell: (v) => v.publishedByName ?? "" },
    { key: "scope", header: t("admin.columns.scope"), cell: (v) => t(`scopes.${v.scope}`) },
    { key: "reason", header: t("admin.columns.reason"), cell: (v) => v.reason ?? t("admin.firstVersion") },
    {
      key: "downloads",
      header: t("admin.columns.downloads"),
      cell: (v) => (
        <span className="row" style={{ gap: "0.75rem", flexWrap: "wrap" }}>
          <a href={`/transparency/download?year=${v.year}&version=${v.version}&format=csv`}>{t("downloadCsv", { version: v.version })}</a>
          <a href={`/transparency/download?year=${v.year}&version=${v.version}&format=json`}>{t("downloadJson", { version: v.version })}</a>
        </span>
      ),
    },
  ];
  return (
    <div className="stack">
      <PageHeader
        title={t("admin.title")}
        description={t("admin.intro")}
        actions={
          <Link className="button secondary" href={`/transparency#year-${year}`}>
            {t("admin.viewPublic")}
          </Link>
        }
      />
      <form method="get" className="row" style={{ gap: "0.75rem", alignItems: "flex-end", flexWrap: "wrap" }}>
        <div className="field">
          <label htmlFor="report-year">{t("admin.yearLabel")}</label>
          <select id="report-year" name="year" defaultValue={year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("admin.show")}
        </button>
      </form>
      {canPublish ? (
        year <= ended ? (
          <PublishReportForm key={year} year={year} latestVersion={latest?.version ?? null} scope={latest?.scope ?? "california"} />
        ) : (
          <p className="alert">{t("admin.notEnded")}</p>
        )
      ) : (
        <p className="muted">{t("admin.readOnly")}</p>
      )}
      {/* Not a named region: the table's scroll frame is the region named for the versions (axe landmark-unique). */}
      <section className="stack">
        <h2 id="versions-h">{t("admin.versionsHeading")}</h2>
        <DataTable
          label={t("admin.versionsHeading")}
          columns={columns}
          rows={versions}
          rowKey={(v) => v.version}
          empty={{ title: t("admin.versionsEmpty") }}
          stacked
        />
      </section>
      <section className="card stack" aria-labelledby="live-h">
        <h2 id="live-h">{t("admin.liveHeading", { year })}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("admin.liveNote")}
        </p>
        <ReportBody figures={figures} scope="all" />
      </section>
    </div>
  );
}
