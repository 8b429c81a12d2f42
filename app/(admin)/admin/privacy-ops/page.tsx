import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { utcDay } from "@/lib/metrics/period";
import { requirePagePermission } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { PrivacyOpsDashboard } from "@/components/dashboards/privacy-ops-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboards"))("ops.title") };
}

/** Privacy operations: request volumes, SLA clocks, the overdue list and time per stage. */
export default async function PrivacyOpsPage() {
  await requirePagePermission("privacy-ops:read", "/admin/privacy-ops");
  const t = await getTranslations("dashboards");
  return (
    <div className="stack">
      <PageHeader title={t("ops.title")} description={t("ops.description")} />
      <Suspense>
        <PrivacyOpsDashboard today={utcDay(new Date().getTime())} />
      </Suspense>
    </div>
  );
}
