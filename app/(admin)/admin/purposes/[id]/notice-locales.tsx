import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { localeNames, locales, type Locale } from "@/lib/i18n/config";
import { missingNoticeLanguages, requiredNoticeLanguages } from "@/lib/notices/required-languages";
import { translationStatus } from "@/lib/notices/translation-status";
import { getBrandSettings } from "@/db/staff";
import { listNoticeVersions } from "@/db/notices";
import { Badge } from "@/components/ui/badge";
import { TableWrap } from "@/components/ui/table-wrap";

const stateTone = { current: "ok", outdated: "warn", missing: "danger" } as const;

/**
 * The purpose's notice in each locale: what is live, what is being drafted,
 * whether translations keep up with English, and which languages the places
 * it applies in require before it can be approved.
 */
export async function NoticeLocales({
  purposeId,
  canEdit,
  jurisdictions,
  live,
}: {
  purposeId: number;
  canEdit: boolean;
  jurisdictions: string[];
  /** In force with nothing awaiting approval: a gap is the brand's to close, not a condition of approval. */
  live: boolean;
}) {
  const [t, tv, format] = await Promise.all([getTranslations("noticeLocales"), getTranslations("vocabulary"), getFormatter()]);
  const rows = translationStatus(locales, await listNoticeVersions(purposeId));
  const setting = (await getBrandSettings())?.noticeLanguages ?? null;
  const required = requiredNoticeLanguages(jurisdictions, setting);
  const missing = missingNoticeLanguages(
    jurisdictions,
    setting,
    rows.filter((r) => r.published).map((r) => r.locale),
  );
  const names = (codes: string[]) =>
    format.list(
      codes.map((c) => tv(`language.${c}`)),
      { type: "conjunction" },
    );
  return (
    <section className="card stack" aria-labelledby="notices-heading">
      <h2 id="notices-heading">{t("heading")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("hint")}
      </p>
      {missing.length ? (
        <p className="alert warn" role="note" data-testid="notices-required">
          {t(live ? "missingLive" : "missingRequired", { languages: names(missing) })}
        </p>
      ) : required.length ? (
        <p className="muted" style={{ margin: 0 }} data-testid="notices-required">
          {t("allRequired", { languages: names(required) })}
        </p>
      ) : null}
      <TableWrap label={t("heading")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("locale")}</th>
              <th scope="col">{t("published")}</th>
              <th scope="col">{t("working")}</th>
              <th scope="col">{t("translation")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("open")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.locale}>
                <th scope="row">
                  <span lang={r.locale}>{localeNames[r.locale as Locale]}</span>
                  {required.includes(r.locale as Locale) ? (
                    <>
                      {" "}
                      <Badge tone={missing.includes(r.locale as Locale) ? "danger" : "info"}>{t("required")}</Badge>
                    </>
                  ) : null}
                </th>
                <td>
                  {r.published
                    ? t("versionOn", {
                        version: r.published.version,
                        date: format.dateTime(r.published.publishedAt, { dateStyle: "medium" }),
                      })
                    : "—"}
                </td>
                <td>
                  {r.working ? (
                    <Badge tone={r.working.status === "in_review" ? "warn" : "neutral"}>
                      {t(`status.${r.working.status}`, { version: r.working.version })}
                    </Badge>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  <Badge tone={stateTone[r.state]}>{t(`state.${r.state}`)}</Badge>
                </td>
                <td>
                  <Link
                    href={`/admin/purposes/${purposeId}/notices/${r.locale}`}
                    aria-label={t("openFor", { locale: localeNames[r.locale as Locale] })}
                  >
                    {canEdit ? (r.working ? t("continue") : t("write")) : t("view")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
