import { dashboardRoute } from "@/lib/server/admin-api";
import { getConsentAnalytics } from "@/db/dashboards";

/** Consent analytics for marketing, privacy officers and administrators: aggregates only. */
export const GET = dashboardRoute(
  "consent-analytics:read",
  async (q) => await getConsentAnalytics({ period: q.period, jurisdiction: q.jurisdiction, purposeId: q.purpose?.id }, q.today),
);
