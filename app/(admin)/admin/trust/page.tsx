import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { utcDay } from "@/lib/metrics/period";
import { explainingViews } from "@/lib/metrics/trust-views";
import { can } from "@/lib/auth/permissions";
import { loadOpenIncidentRows } from "@/lib/server/incident-clocks";
import { requirePagePermission } from "@/lib/server/session";
import { withPurposeNames } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listChoicePurposes } from "@/db/dashboards";
import { PageHeader } from "@/components/ui/page-header";
import { TrustDashboard } from "@/components/dashboards/trust-dashboard";
import { OpenIncidentClocks } from "@/components/incidents/open-incident-clocks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboards"))("trust.title") };
}

/** The trust dashboard: one score, its formula, the indicators behind it and what moved it (linked to the views this role may open); aggregates only. */
export default async function TrustPage() {
  const user = await requirePagePermission("trust-dashboard:read", "/admin/trust");
  const [t, ti] = await Promise.all([getTranslations("dashboards"), getTranslations("incidentDuties")]);
  // Executives see the open incidents' counts and clocks, never a person or a typed title (issue 21, deliverable 6).
  const register = can(user.role, "incident:read");
  const incidents = register || can(user.role, "incident:read-summary") ? await loadOpenIncidentRows(register) : null;
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
      {incidents ? (
        <section className="card stack" aria-labelledby="trust-incidents-h" data-testid="trust-incidents">
          <h2 id="trust-incidents-h">{ti("trust.title")}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {ti("trust.description")}
          </p>
          <dl className="row" style={{ flexWrap: "wrap", gap: "1.5rem", margin: 0 }}>
            <div>
              <dt className="muted">{ti("trust.open")}</dt>
              <dd style={{ margin: 0, fontSize: "1.5rem", fontWeight: 600 }}>{incidents.length}</dd>
            </div>
            <div>
              <dt className="muted">{ti("trust.drills")}</dt>
              <dd style={{ margin: 0, fontSize: "1.5rem", fontWeight: 600 }}>{incidents.filter((i) => i.drill).length}</dd>
            </div>
            <div>
              <dt className="muted">{ti("trust.overdue")}</dt>
              <dd style={{ margin: 0, fontSize: "1.5rem", fontWeight: 600 }}>{incidents.reduce((n, i) => n + i.overdue, 0)}</dd>
            </div>
          </dl>
          <OpenIncidentClocks rows={incidents} link={register} />
        </section>
      ) : null}
    </div>
  );
}
