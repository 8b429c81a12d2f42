import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { utcDay } from "@/lib/metrics/period";
import { explainingViews } from "@/lib/metrics/trust-views";
import { requirePagePermission } from "@/lib/server/session";
import { withPurposeNames } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listChoicePurposes } from "@/db/dashboards";
import { PageHeader } from "@/components/ui/page-header";
import { TrustDashboard } from "@/components/dashboards/trust-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboards"))("trust.title") };
}

/** The trust dashboard: one score, its formula, the indicators behind it and what moved it (linked to the views this role may open); aggregates only. */
export default async function TrustPage() {
  const user = await requirePagePermission("trust-dashboard:read", "/admin/trust");
  const t = await getTranslations("dashboards");
  const purposes = withPurposeNames(
    (await listChoicePurposes()).map(({ key, name }) => ({ key, name })),
    await getPurposeTitles(),
  );
  return (
    <div className="stack">
      <PageHeader title={t("trust.title")} description={t("trust.description")} />
      <Suspense>
        <TrustDashboard purposes={purposes} today={utcDay(new Date().getTime())} views={explainingViews(user.role)} />
      </Suspense>
    </div>
  );
}
