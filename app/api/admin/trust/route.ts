import { suppressTrustDashboard } from "@/lib/metrics/consent-suppression";
import { dashboardRoute } from "@/lib/server/admin-api";
import { readerSuppression } from "@/lib/server/suppression";
import { getTrustDashboard } from "@/db/dashboards";

/** The trust score and its indicators, for executives (and staff who read it): aggregates only; the count of answers behind them is suppressed below k. */
export const GET = dashboardRoute("trust-dashboard:read", async (q) => {
  const [body, reader] = await Promise.all([
    getTrustDashboard({ period: q.period, jurisdiction: q.jurisdiction, purposeId: q.purpose?.id }, q.now),
    readerSuppression(),
  ]);
  return suppressTrustDashboard(body, reader.k, reader.brandK);
});
