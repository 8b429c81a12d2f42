import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { isLocale, localeNames } from "@/lib/i18n/config";
import { SHORT_LAYER_FIELDS, type ShortLayer } from "@/lib/notices/required-elements";
import { purposeName } from "@/lib/purposes/titles";
import { requirePagePermission } from "@/lib/server/session";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listNoticeVersions } from "@/db/notices";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { NoticeEditor } from "@/components/notices/notice-editor";
import { ReviewPanel } from "@/components/notices/review-panel";
import { ActionButton, ReturnWithComment } from "@/components/purposes/review-controls";
import { loadPurpose } from "../../load";
import { publishNoticeAction, returnNoticeAction, saveNoticeDraftAction, submitNoticeAction } from "./actions";
import { VersionHistory } from "./version-history";

type Params = Promise<{ id: string; locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("noticeEditor");
  const name = purposeName(await loadPurpose(params), await getPurposeTitles());
  return { title: t("pageTitle", { name, locale: (await params).locale }) };
}

const blankLayer = Object.fromEntries(SHORT_LAYER_FIELDS.map((k) => [k, ""])) as unknown as ShortLayer;

export default async function NoticeEditorPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const purpose = await loadPurpose(params);
  const user = await requirePagePermission("purpose:read", `/admin/purposes/${purpose.id}/notices/${locale}`);
  const [t, tv, format, titles] = await Promise.all([
    getTranslations("noticeEditor"),
    getTranslations("vocabulary"),
    getFormatter(),
    getPurposeTitles(),
  ]);
  const name = purposeName(purpose, titles);
  const all = await listNoticeVersions(purpose.id);
  const versions = all.filter((v) => v.locale === locale);
  const published = versions.find((v) => v.status === "published") ?? null;
  const working = versions.find((v) => v.status === "draft" || v.status === "in_review") ?? null;
  // A translation is made from the published English notice, shown beside each field of the editor.
  const english = locale === "en" ? null : all.find((v) => v.locale === "en" && v.status === "published");
  const source = english
    ? {
        locale: "en" as const,
        language: tv("language.en"),
        version: english.version,
        date: format.dateTime(english.publishedAt!, { dateStyle: "medium" }),
        title: english.title,
        shortLayer: { ...blankLayer, ...english.shortLayer },
        fullText: english.fullText,
      }
    : null;
  const start = working ?? published;
  const canDraft = can(user.role, "notice:draft");
  const canPublish = can(user.role, "notice:publish");
  return (
    <div className="stack">
      <PageHeader
        title={t("heading", { name })}
        description={
          <>
            <Link href={`/admin/purposes/${purpose.id}`}>{name}</Link> · {localeNames[locale]}
            {published
              ? ` · ${t("publishedLine", { version: published.version, date: format.dateTime(published.publishedAt!, { dateStyle: "medium" }) })}`
              : ""}
          </>
        }
        actions={
          working ? (
            <Badge tone={working.status === "in_review" ? "warn" : "neutral"}>
              {t(`status.${working.status}`, { version: working.version })}
            </Badge>
          ) : null
        }
      />
      {working?.reviewComment && working.status === "draft" ? (
        <div className="alert warn" role="note">
          <strong>{t("returnedWith")}</strong> {working.reviewComment}
        </div>
      ) : null}
      {english && published && published.publishedAt! < english.publishedAt! ? <p className="alert warn">{t("outdated")}</p> : null}
      {locale !== "en" && !english && canDraft && working?.status !== "in_review" ? (
        <p className="alert warn">{t("noSource", { language: tv("language.en") })}</p>
      ) : null}
      {working?.status === "in_review" ? (
        <>
          {canPublish ? (
            <section className="card stack" aria-labelledby="decide">
              <h2 id="decide">{t("decideHeading")}</h2>
              <p className="muted" style={{ margin: 0 }}>
                {t("decideHint", { author: working.authorName ?? "—" })}
              </p>
              <div className="row" style={{ alignItems: "flex-start", gap: "2rem" }}>
                <ActionButton
                  action={publishNoticeAction}
                  hidden={{ versionId: working.id }}
                  label={t("publish")}
                  doneLabel={t("publishedDone")}
                />
                <ReturnWithComment action={returnNoticeAction} hidden={{ versionId: working.id }} label={t("sendBack")} />
              </div>
            </section>
          ) : (
            <p className="alert warn">{t("inReviewLocked")}</p>
          )}
          <ReviewPanel locale={locale} version={working} published={published} />
        </>
      ) : canDraft ? (
        <NoticeEditor
          key={working?.id ?? "new"}
          purposeId={purpose.id}
          locale={locale}
          versionId={working?.id ?? null}
          initial={{
            title: start?.title ?? "",
            shortLayer: { ...blankLayer, ...start?.shortLayer },
            fullText: start?.fullText ?? "",
            material: working?.material ?? false,
            changeSummary: working?.changeSummary ?? "",
          }}
          published={published}
          save={saveNoticeDraftAction}
          submit={submitNoticeAction}
          recipients={purpose.recipients.map((r) => ({ name: r.name, country: r.country }))}
          source={source}
        />
      ) : published ? (
        <ReviewPanel locale={locale} version={published} published={null} />
      ) : (
        <p className="alert warn">{t("nothingYet")}</p>
      )}
      <VersionHistory versions={versions} />
    </div>
  );
}
