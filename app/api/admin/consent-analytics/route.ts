import { withPurposeNames } from "@/lib/purposes/titles";
import { dashboardRoute } from "@/lib/server/admin-api";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { getConsentAnalytics } from "@/db/dashboards";

/** Consent analytics for marketing, privacy officers and administrators: aggregates only, purposes named in the reader's language. */
export const GET = dashboardRoute("consent-analytics:read", async (q) => {
  const [body, titles] = await Promise.all([
    getConsentAnalytics({ period: q.period, jurisdiction: q.jurisdiction, purposeId: q.purpose?.id }, q.today),
    getPurposeTitles(),
  ]);
  return { ...body, purposes: withPurposeNames(body.purposes, titles) };
});
