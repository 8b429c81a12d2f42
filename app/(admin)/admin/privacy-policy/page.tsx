import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isLocale, locales, type Locale } from "@/lib/i18n/config";
import { checklistItems } from "@/lib/policy/checklists";
import { policyJurisdictions } from "@/lib/policy/input";
import { requirePagePermission } from "@/lib/server/session";
import { getDateFormatter } from "@/lib/server/format";
import { livePolicy } from "@/lib/server/policy";
import { listPolicyVersions } from "@/db/policy";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ReturnWithComment } from "@/components/purposes/review-controls";
import { PolicyAction } from "@/components/policy/policy-action";
import { PolicyChangeForm } from "@/components/policy/policy-change-form";
import { PolicyReview } from "@/components/policy/policy-review";
import { ChecklistPanel } from "./checklist-panel";
import { generatePolicyAction, publishPolicyAction, returnPolicyAction, savePolicyChangeAction, submitPolicyAction } from "./actions";
import { VersionList } from "./version-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyPolicy.admin"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The privacy policy's desk: the checklists from the live data map, the open version's workflow and review, and every version. */
export default async function PrivacyPolicyAdminPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("notice:publish", "/admin/privacy-policy");
  const [t, tp, tv, format, q, versions] = await Promise.all([
    getTranslations("privacyPolicy.admin"),
    getTranslations("privacyPolicy"),
    getTranslations("vocabulary.language"),
    getDateFormatter(),
    searchParams,
    listPolicyVersions(),
  ]);
  const lang: Locale = isLocale(q.lang) ? q.lang : "en";
  const published = versions.find((v) => v.status === "published") ?? null;
  const open = versions.find((v) => v.status === "draft" || v.status === "in_review") ?? null;
  const live = await livePolicy(new Date(), published?.publishedAt ?? null);
  const itemLabels = Object.fromEntries(
    policyJurisdictions.flatMap((j) =>
      (checklistItems[j] as readonly string[]).map((i) => [`${j}.${i}`, `${tp(`parts.${j}`)}: ${tp(`items.${j}.${i}`)}`]),
    ),
  );
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/privacy" className="button secondary">
            {t("viewPublic")}
          </Link>
        }
      />
      <p className={published ? "muted" : "alert warn"} style={{ margin: 0 }}>
        {published
          ? `${t("inForce", { version: published.version, date: date(published.publishedAt!) })} · ${t("historyNotified", { count: published.notified })}`
          : t("noneInForce")}
      </p>
      <section className="card stack" aria-labelledby="policy-open">
        {open ? (
          <>
            <h2 id="policy-open" style={{ margin: 0 }}>
              {t("statusLine", { version: open.version, status: t(`statuses.${open.status}`) })}{" "}
              <Badge tone={open.status === "in_review" ? "warn" : "neutral"}>{t(`statuses.${open.status}`)}</Badge>
            </h2>
            <p className="muted" style={{ margin: 0 }}>
              {t("generatedLine", { date: date(open.generatedAt), name: open.generatedByName ?? "—" })}
            </p>
            {open.status === "draft" && open.reviewComment ? (
              <p className="alert warn" role="note">
                <strong>{t("returnedWith")}</strong> {open.reviewComment}
              </p>
            ) : null}
            {open.status === "draft" ? (
              <>
                <div className="row" style={{ gap: "1.5rem", alignItems: "flex-start", flexWrap: "wrap" }}>
                  <PolicyAction action={generatePolicyAction} label={t("regenerate")} tone="button secondary" />
                  <PolicyAction action={submitPolicyAction} hidden={{ versionId: open.id }} label={t("submit")} itemLabels={itemLabels} />
                </div>
                {published ? (
                  <PolicyChangeForm
                    action={savePolicyChangeAction}
                    versionId={open.id}
                    material={open.material}
                    summary={open.changeSummary}
                  />
                ) : null}
              </>
            ) : (
              <>
                {published ? (
                  <p style={{ margin: 0 }}>
                    <Badge tone={open.material ? "warn" : "neutral"}>{open.material ? t("materialBadge") : t("editorialBadge")}</Badge>{" "}
                    {open.changeSummary?.[lang] ? <span lang={lang}>{open.changeSummary[lang]}</span> : null}
                  </p>
                ) : null}
                <div className="row" style={{ gap: "2rem", alignItems: "flex-start", flexWrap: "wrap" }}>
                  <PolicyAction action={publishPolicyAction} hidden={{ versionId: open.id }} label={t("publish")} itemLabels={itemLabels} />
                  <ReturnWithComment action={returnPolicyAction} hidden={{ versionId: open.id }} label={t("sendBack")} />
                </div>
              </>
            )}
          </>
        ) : (
          <>
            <h2 id="policy-open" style={{ margin: 0 }}>
              {t("generate")}
            </h2>
            <PolicyAction action={generatePolicyAction} label={t("generate")} />
          </>
        )}
      </section>
      <ChecklistPanel lists={live.checklists} />
      {open ? (
        <section className="stack" aria-labelledby="policy-review">
          <h2 id="policy-review" style={{ margin: 0 }}>
            {t("reviewHeading")}
          </h2>
          <nav aria-label={t("languageNav")}>
            <ul className="row" style={{ listStyle: "none", padding: 0, margin: 0, gap: "1rem" }}>
              {locales.map((l) => (
                <li key={l}>
                  <Link href={`/admin/privacy-policy?lang=${l}`} aria-current={l === lang ? "page" : undefined}>
                    {tv(l)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <PolicyReview draft={open.document} published={published} locale={lang} />
        </section>
      ) : null}
      <VersionList versions={versions} />
    </div>
  );
}
