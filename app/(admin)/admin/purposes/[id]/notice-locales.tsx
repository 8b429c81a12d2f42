import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { localeNames, locales, type Locale } from "@/lib/i18n/config";
import { translationStatus } from "@/lib/notices/translation-status";
import { listNoticeVersions } from "@/db/queries/notices";
import { Badge } from "@/components/ui/badge";

const stateTone = { current: "ok", outdated: "warn", missing: "danger" } as const;

/** The purpose's notice in each locale: what is live, what is being drafted, and whether translations keep up with English. */
export async function NoticeLocales({ purposeId, canEdit }: { purposeId: number; canEdit: boolean }) {
  const [t, format] = await Promise.all([getTranslations("noticeLocales"), getFormatter()]);
  const rows = translationStatus(locales, listNoticeVersions(purposeId));
  return (
    <section className="card stack" aria-labelledby="notices-heading">
      <h2 id="notices-heading">{t("heading")}</h2>
      <p className="muted" style={{ margin: 0 }}>{t("hint")}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("locale")}</th>
            <th scope="col">{t("published")}</th>
            <th scope="col">{t("working")}</th>
            <th scope="col">{t("translation")}</th>
            <th scope="col"><span className="visually-hidden">{t("open")}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.locale}>
              <th scope="row" lang={r.locale}>{localeNames[r.locale as Locale]}</th>
              <td>
                {r.published
                  ? t("versionOn", { version: r.published.version, date: format.dateTime(r.published.publishedAt, { dateStyle: "medium" }) })
                  : "—"}
              </td>
              <td>{r.working ? <Badge tone={r.working.status === "in_review" ? "warn" : "neutral"}>{t(`status.${r.working.status}`, { version: r.working.version })}</Badge> : "—"}</td>
              <td>
                <Badge tone={stateTone[r.state]}>{t(`state.${r.state}`)}</Badge>
              </td>
              <td>
                <Link href={`/admin/purposes/${purposeId}/notices/${r.locale}`} aria-label={t("openFor", { locale: localeNames[r.locale as Locale] })}>
                  {canEdit ? (r.working ? t("continue") : t("write")) : t("view")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
