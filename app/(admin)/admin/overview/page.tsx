import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { percent } from "@/lib/metrics/rates";
import { DEFAULT_PERIOD_DAYS, lastDays, utcDay } from "@/lib/metrics/period";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/server/session";
import { getConsentTotals } from "@/db/consent";
import { getRequestCounts } from "@/db/requests";
import { countPurposesByStatus } from "@/db/purposes";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="card stat">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}

/** The at-a-glance page: aggregates only, no subject's personal data. */
export default async function OverviewPage() {
  const user = await requirePagePermission("overview:read", "/admin/overview");
  const t = await getTranslations("overview");
  const now = new Date();
  const consent = await getConsentTotals(lastDays(utcDay(now.getTime()), DEFAULT_PERIOD_DAYS));
  const requests = await getRequestCounts(now);
  const purposes = await countPurposesByStatus();
  const answered = consent.granted + consent.denied;
  const optIn = percent(consent.granted, answered);
  const onTime = percent(requests.closedOnTime, requests.closed);
  const dash = "—";
  const nothingYet = answered + consent.withdrawn === 0 && requests.open + requests.closed === 0 && purposes.active === 0;
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      {nothingYet ? (
        <div className="card">
          <EmptyState title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
            {can(user.role, "purpose:read") ? <Link href="/admin/purposes">{t("goPurposes")}</Link> : null}
          </EmptyState>
        </div>
      ) : null}
      <section aria-labelledby="consent-heading" className="stack">
        <h2 id="consent-heading">{t("consentHeading")}</h2>
        <div className="grid-cards">
          <Stat label={t("optInRate")} value={optIn === null ? dash : `${optIn}%`} hint={t("optInHint", { answered })} />
          <Stat label={t("grants")} value={consent.granted.toLocaleString()} hint={t("lastDays", { days: DEFAULT_PERIOD_DAYS })} />
          <Stat label={t("withdrawals")} value={consent.withdrawn.toLocaleString()} hint={t("lastDays", { days: DEFAULT_PERIOD_DAYS })} />
          <Stat label={t("gpc")} value={consent.gpc.toLocaleString()} hint={t("gpcHint")} />
        </div>
      </section>
      <section aria-labelledby="requests-heading" className="stack">
        <h2 id="requests-heading">{t("requestsHeading")}</h2>
        <div className="grid-cards">
          <Stat label={t("overdue")} value={requests.overdue.toLocaleString()} hint={t("overdueHint")} />
          <Stat label={t("openRequests")} value={requests.open.toLocaleString()} />
          <Stat label={t("onTime")} value={onTime === null ? dash : `${onTime}%`} hint={t("onTimeHint", { closed: requests.closed })} />
        </div>
      </section>
      <section aria-labelledby="purposes-heading" className="stack">
        <h2 id="purposes-heading">{t("purposesHeading")}</h2>
        <div className="grid-cards">
          <Stat label={t("activePurposes")} value={String(purposes.active)} />
          <Stat label={t("inReview")} value={String(purposes.in_review)} />
          <Stat label={t("drafts")} value={String(purposes.draft)} />
        </div>
      </section>
    </div>
  );
}
