import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { utcDay } from "@/lib/metrics/period";
import { can } from "@/lib/auth/permissions";
import { loadOpenIncidentRows } from "@/lib/server/incident-clocks";
import { requirePagePermission } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { PrivacyOpsDashboard } from "@/components/dashboards/privacy-ops-dashboard";
import { OpenIncidentClocks } from "@/components/incidents/open-incident-clocks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboards"))("ops.title") };
}

/** Privacy operations: open incidents and their nearest clock, request volumes, SLA clocks, the overdue list and time per stage. */
export default async function PrivacyOpsPage() {
  const user = await requirePagePermission("privacy-ops:read", "/admin/privacy-ops");
  const [t, ti] = await Promise.all([getTranslations("dashboards"), getTranslations("incidentDuties.ops")]);
  const incidents = can(user.role, "incident:read") ? await loadOpenIncidentRows(true) : null;
  return (
    <div className="stack">
      <PageHeader title={t("ops.title")} description={t("ops.description")} />
      {incidents ? (
        <section className="stack" data-testid="open-incidents">
          <h2 id="open-incidents-h">{ti("title")}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {ti("description")}
          </p>
          <OpenIncidentClocks rows={incidents} link />
        </section>
      ) : null}
      <Suspense>
        <PrivacyOpsDashboard today={utcDay(new Date().getTime())} />
      </Suspense>
    </div>
  );
}
