import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { subjectChoice } from "@/lib/purposes/vocabulary";
import { getBrandSettings } from "@/db/staff";
import { listPublishedNotices } from "@/db/notices";
import { hasPublishedReport } from "@/db/transparency";
import { ShortLayerList } from "@/components/notices/short-layer";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicNotice"))("title") };
}

const groups = ["consent", "objection", "none"] as const;

/** The brand's layered privacy notice, assembled from its active purposes, in the visitor's language. */
export default async function NoticesPage() {
  const [t, tv, format, locale] = await Promise.all([
    getTranslations("publicNotice"),
    getTranslations("vocabulary"),
    getFormatter(),
    getLocale(),
  ]);
  const brand = await getBrandSettings();
  const notices = await listPublishedNotices(locale);
  // Until the privacy policy page links the transparency report (issue 19), the notices do, while one is published.
  const [hasReport, tt] = await Promise.all([hasPublishedReport(), getTranslations("transparency")]);
  return (
    <article className="stack">
      <header className="stack" style={{ gap: "0.5rem" }}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro", { brand: brand?.name ?? "" })}</p>
        {brand ? (
          <p className="muted">
            {t("controller", { legalName: brand.legalName, address: brand.address })}{" "}
            <a href={`mailto:${brand.dpoEmail}`}>{brand.dpoEmail}</a>
          </p>
        ) : null}
        {hasReport ? (
          <p style={{ margin: 0 }}>
            <Link href="/transparency">{tt("noticesLink")}</Link>
          </p>
        ) : null}
      </header>
      {notices.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      {groups.map((group) => {
        const items = notices.filter((n) => subjectChoice(n.purpose.legalBasis) === group);
        if (items.length === 0) return null;
        return (
          <section key={group} className="stack" aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`}>{t(`groups.${group}`)}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {t(`groupHints.${group}`)}
            </p>
            {items.map(({ purpose, version, locale: shown }) => (
              <section key={purpose.id} className="card stack notice-card" aria-labelledby={`p-${purpose.key}`} lang={shown}>
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <h3 id={`p-${purpose.key}`} style={{ margin: 0 }}>
                    {version.title}
                  </h3>
                  <span className="muted">
                    {t("versionLine", {
                      version: version.version,
                      date: format.dateTime(version.publishedAt ?? version.createdAt, { dateStyle: "long" }),
                    })}
                  </span>
                </div>
                {shown !== locale ? (
                  <p className="alert warn" lang={locale}>
                    {t("fallback")}
                  </p>
                ) : null}
                <p className="muted" style={{ margin: 0 }} lang={locale}>
                  {tv(`basis.${purpose.legalBasis}`)}
                </p>
                <ShortLayerList layer={version.shortLayer} />
                <div>
                  <Link href={`/notices/${purpose.key}`} lang={locale}>
                    {t("readFull", { title: version.title })}
                  </Link>
                </div>
              </section>
            ))}
          </section>
        );
      })}
    </article>
  );
}
