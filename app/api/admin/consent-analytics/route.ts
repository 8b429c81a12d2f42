import { dashboardRoute } from "@/lib/server/admin-api";
import { getConsentAnalytics } from "@/db/dashboards/consent-analytics";

/** Consent analytics for marketing, privacy officers and administrators: aggregates only. */
export const GET = dashboardRoute("consent-analytics:read", (q) =>
  getConsentAnalytics({ period: q.period, jurisdiction: q.jurisdiction, purposeId: q.purpose?.id }, q.today),
);
