import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { utcDay } from "@/lib/metrics/period";
import { requirePagePermission } from "@/lib/server/session";
import { withPurposeNames } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listChoicePurposes } from "@/db/dashboards";
import { PageHeader } from "@/components/ui/page-header";
import { ConsentAnalyticsDashboard } from "@/components/dashboards/consent-analytics-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboards"))("consent.title") };
}

/** Consent analytics: figures from the daily aggregates only, never a customer's data. */
export default async function ConsentAnalyticsPage() {
  await requirePagePermission("consent-analytics:read", "/admin/consent-analytics");
  const t = await getTranslations("dashboards");
  const purposes = withPurposeNames(
    (await listChoicePurposes()).map(({ key, name }) => ({ key, name })),
    await getPurposeTitles(),
  );
  return (
    <div className="stack">
      <PageHeader title={t("consent.title")} description={t("consent.description")} />
      <Suspense>
        <ConsentAnalyticsDashboard purposes={purposes} today={utcDay(new Date().getTime())} />
      </Suspense>
    </div>
  );
}
