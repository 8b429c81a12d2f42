import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { percent } from "@/lib/metrics/rates";
import { suppressedText, suppressTotals } from "@/lib/metrics/consent-suppression";
import { DEFAULT_PERIOD_DAYS, dayStart, lastDays, lastDaysCount, utcDay } from "@/lib/metrics/period";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/server/session";
import { getDateFormatter } from "@/lib/server/format";
import { readerSuppression } from "@/lib/server/suppression";
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
  const td = await getTranslations("dashboards");
  const format = await getDateFormatter();
  const now = new Date();
  const today = utcDay(now.getTime());
  const period = lastDays(today, DEFAULT_PERIOD_DAYS);
  const totals = await getConsentTotals(period);
  // Small totals are suppressed as on the dashboards (issue 20): "< k" for everyone but the privacy officer.
  const reader = await readerSuppression();
  const consent = suppressTotals(totals, reader.k);
  const shown = (key: "granted" | "withdrawn" | "gpc" | "answers") =>
    consent[key] === null ? suppressedText(consent, key, reader.brandK, td("frame.hidden")) : consent[key].toLocaleString();
  // The period in the words the dashboards' filter gives it, from the same definition (lastDays), and its days.
  const periodWords = td("filters.lastDays", { days: lastDaysCount(period, today)! });
  const periodRange = format.dateTimeRange(new Date(dayStart(period.from)), new Date(dayStart(period.to)), {
    dateStyle: "medium",
    timeZone: "UTC",
  });
  const requests = await getRequestCounts(now);
  const purposes = await countPurposesByStatus();
  const answered = totals.granted + totals.denied;
  const optIn = consent.granted === null || consent.denied === null ? null : percent(consent.granted, answered);
  const onTime = percent(requests.closedOnTime, requests.closed);
  const dash = "—";
  const nothingYet = answered + totals.withdrawn === 0 && requests.open + requests.closed === 0 && purposes.active === 0;
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
        <div>
          <h2 id="consent-heading">{t("consentHeading")}</h2>
          <p className="muted" data-testid="overview-period">
            {t("periodLine", { period: periodWords, range: periodRange })}
          </p>
        </div>
        <div className="grid-cards">
          <Stat label={t("optInRate")} value={optIn === null ? dash : `${optIn}%`} hint={t("optInHint", { answered: shown("answers") })} />
          <Stat label={t("grants")} value={shown("granted")} hint={t("inPeriod")} />
          <Stat label={t("withdrawals")} value={shown("withdrawn")} hint={t("inPeriod")} />
          <Stat label={t("gpc")} value={shown("gpc")} hint={t("gpcHint")} />
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
