import { dashboardRoute } from "@/lib/server/admin-api";
import { getTrustDashboard } from "@/db/dashboards";

/** The trust score and its indicators, for executives (and staff who read it): aggregates only. */
export const GET = dashboardRoute(
  "trust-dashboard:read",
  async (q) => await getTrustDashboard({ period: q.period, jurisdiction: q.jurisdiction, purposeId: q.purpose?.id }, q.now),
);
