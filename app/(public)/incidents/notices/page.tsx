import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { getDateFormatter } from "@/lib/server/format";
import { listPublicIncidentNotices, type PublicIncidentNotice } from "@/db/incident-notices";
import { getBrandSettings } from "@/db/staff";
import { NoticeText } from "@/components/incidents/notice-text";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidentNotices.publicPage"))("title") };
}

/**
 * The notices of personal data breaches for people the brand could not reach (PIPA: on the website for at least 30
 * days; GDPR Art. 34(3)(c): a public communication), in the visitor's language, each with the dates it was shown.
 * A drill never publishes one.
 */
export default async function PublicIncidentNoticesPage() {
  const [t, f, locale, brand, notices] = await Promise.all([
    getTranslations("incidentNotices.publicPage"),
    getDateFormatter(),
    getLocale(),
    getBrandSettings(),
    listPublicIncidentNotices(),
  ]);
  const reader: Locale = isLocale(locale) ? locale : "en";
  const day = (d: Date) => f.dateTime(d, { dateStyle: "long" });
  const current = notices.filter((n) => !n.shownUntil);
  const past = notices.filter((n) => n.shownUntil);
  const notice = (n: PublicIncidentNotice) => {
    const shown = n.texts[reader] ? reader : "en";
    const text = n.texts[shown]!;
    return (
      <article
        key={n.id}
        className="card stack"
        aria-labelledby={`notice-${n.id}`}
        lang={shown}
        data-testid={`incident-notice-${n.reference}`}
      >
        <h3 id={`notice-${n.id}`} style={{ margin: 0 }}>
          <NoticeText text={text.subjectLine} />
        </h3>
        <p className="muted" style={{ margin: 0 }} lang={reader}>
          {n.shownUntil
            ? t("shownRange", { from: day(n.shownFrom), until: day(n.shownUntil) })
            : t("shownSince", { date: day(n.shownFrom) })}
        </p>
        <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          <NoticeText text={text.body} />
        </div>
      </article>
    );
  };
  return (
    <article className="stack">
      <header className="stack" style={{ gap: "0.5rem" }}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro", { brand: brand?.name ?? "" })}</p>
      </header>
      {notices.length === 0 ? <EmptyState title={t("none")} /> : null}
      {current.length > 0 ? (
        <section className="stack" aria-labelledby="current-h">
          <h2 id="current-h">{t("current")}</h2>
          {current.map(notice)}
        </section>
      ) : null}
      {past.length > 0 ? (
        <section className="stack" aria-labelledby="past-h">
          <h2 id="past-h">{t("past")}</h2>
          {past.map(notice)}
        </section>
      ) : null}
    </article>
  );
}
