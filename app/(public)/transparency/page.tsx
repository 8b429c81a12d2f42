import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReportFormat } from "@/lib/transparency/download";
import { getDateFormatter } from "@/lib/server/format";
import { getBrandSettings } from "@/db/staff";
import { listReportVersions, type ReportVersion } from "@/db/transparency";
import { ReportBody } from "@/components/transparency/report-tables";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transparency"))("title") };
}

const downloadHref = (v: ReportVersion, format: ReportFormat) =>
  `/transparency/download?year=${v.year}&version=${v.version}&format=${format}`;

/** The published transparency reports (CCPA §7102): each year's latest version in full, its earlier versions with the reasons they were corrected. */
export default async function TransparencyPage() {
  const [t, format, brand, versions] = await Promise.all([
    getTranslations("transparency"),
    getDateFormatter(),
    getBrandSettings(),
    listReportVersions(),
  ]);
  const years = [...new Set(versions.map((v) => v.year))];
  const day = (d: Date | string) => format.dateTime(new Date(d), { dateStyle: "long" });
  const Downloads = ({ v }: { v: ReportVersion }) => (
    <span className="row" style={{ gap: "1rem", flexWrap: "wrap" }}>
      <a href={downloadHref(v, "csv")} download>
        {t("downloadCsv", { version: v.version })}
      </a>
      <a href={downloadHref(v, "json")} download>
        {t("downloadJson", { version: v.version })}
      </a>
    </span>
  );
  return (
    <article className="stack">
      <header className="stack" style={{ gap: "0.5rem" }}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro", { brand: brand?.name ?? "" })}</p>
        {years.length > 1 ? (
          <nav aria-label={t("yearsNav")}>
            <ul className="row" style={{ gap: "1rem", listStyle: "none", padding: 0, margin: 0, flexWrap: "wrap" }}>
              {years.map((y) => (
                <li key={y}>
                  <a href={`#year-${y}`}>{y}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {years.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      {years.map((year) => {
        const mine = versions.filter((v) => v.year === year);
        const [latest, ...earlier] = mine;
        const f = latest.figures;
        return (
          <section key={year} id={`year-${year}`} className="card stack" aria-labelledby={`year-${year}-title`}>
            <header className="stack" style={{ gap: "0.25rem" }}>
              <h2 id={`year-${year}-title`} style={{ margin: 0 }}>
                {t("yearHeading", { year })}
              </h2>
              <p className="muted" style={{ margin: 0 }}>
                {t("versionLine", { version: latest.version, date: day(latest.publishedAt) })}
              </p>
              {latest.reason ? (
                <p className="alert" style={{ margin: 0 }}>
                  {t("corrected", { previous: latest.version - 1, reason: latest.reason })}
                </p>
              ) : null}
              <p className="muted" style={{ margin: 0 }}>
                {t("period", { year, zone: f.timeZone, start: day(f.periodStart), end: day(f.periodEnd) })}
              </p>
            </header>
            <ReportBody figures={f} scope={latest.scope} />
            <section className="stack" style={{ gap: "0.5rem" }} aria-labelledby={`year-${year}-downloads`}>
              <h3 id={`year-${year}-downloads`}>{t("downloadsHeading", { year })}</h3>
              <Downloads v={latest} />
            </section>
            {earlier.length > 0 ? (
              <section className="stack" style={{ gap: "0.5rem" }} aria-labelledby={`year-${year}-earlier`}>
                <h3 id={`year-${year}-earlier`}>{t("earlierVersions", { year })}</h3>
                <ul className="stack" style={{ gap: "0.75rem", margin: 0 }}>
                  {earlier.map((v) => {
                    const next = mine.find((n) => n.version === v.version + 1);
                    return (
                      <li key={v.version} className="stack" style={{ gap: "0.25rem" }}>
                        <span>{t("earlierVersion", { version: v.version, date: day(v.publishedAt) })}</span>
                        {next?.reason ? (
                          <span className="muted">{t("supersededBy", { version: next.version, reason: next.reason })}</span>
                        ) : null}
                        <Downloads v={v} />
                      </li>
                    );
                  })}
                </ul>
              </section>
            ) : null}
          </section>
        );
      })}
    </article>
  );
}
