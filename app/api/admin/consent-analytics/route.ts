import { suppressConsentAnalytics } from "@/lib/metrics/consent-suppression";
import { withPurposeNames } from "@/lib/purposes/titles";
import { dashboardRoute } from "@/lib/server/admin-api";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { readerSuppression } from "@/lib/server/suppression";
import { getConsentAnalytics } from "@/db/dashboards";

/**
 * Consent analytics for marketing, privacy officers and administrators: aggregates only, purposes named in the
 * reader's language, figures below the brand's k suppressed (null, listed in the row's `suppressed`) unless the
 * reader may read them exact.
 */
export const GET = dashboardRoute("consent-analytics:read", async (q) => {
  const [body, titles, reader] = await Promise.all([
    getConsentAnalytics({ period: q.period, jurisdiction: q.jurisdiction, purposeId: q.purpose?.id }, q.today),
    getPurposeTitles(),
    readerSuppression(),
  ]);
  return suppressConsentAnalytics({ ...body, purposes: withPurposeNames(body.purposes, titles) }, reader.k, reader.brandK);
});
