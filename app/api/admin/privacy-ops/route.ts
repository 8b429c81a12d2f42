import { dashboardRoute } from "@/lib/server/admin-api";
import { getPrivacyOps } from "@/db/dashboards";

/** Request volumes, SLA clocks, the overdue list and time per stage, for privacy officers. Requests are not about a purpose. */
export const GET = dashboardRoute(
  "privacy-ops:read",
  async (q) => await getPrivacyOps({ period: q.period, jurisdiction: q.jurisdiction }, q.now),
);
