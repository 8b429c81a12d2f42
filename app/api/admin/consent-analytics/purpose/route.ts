import { problem, problemResponse } from "@/lib/api/problem";
import { suppressPurposeGrants } from "@/lib/metrics/consent-suppression";
import { purposeName } from "@/lib/purposes/titles";
import { dashboardRoute } from "@/lib/server/admin-api";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { readerSuppression } from "@/lib/server/suppression";
import { getPurposeGrants } from "@/db/dashboards";

/** One purpose's grants over time (needs ?purpose=<key>): started, stopped, how long they lasted, under which notice; small cells suppressed as on the page. */
export const GET = dashboardRoute("consent-analytics:read", async (q) => {
  if (!q.purpose) {
    const detail = "Name the purpose: ?purpose=<key>.";
    return problemResponse(
      problem("validation", detail, { errors: [{ pointer: "/purpose", field: "purpose", code: "required", detail }] }),
    );
  }
  const purpose = { key: q.purpose.key, name: purposeName(q.purpose, await getPurposeTitles()) };
  const [body, reader] = await Promise.all([
    getPurposeGrants({ period: q.period, jurisdiction: q.jurisdiction, purposeId: q.purpose.id }, purpose),
    readerSuppression(),
  ]);
  return suppressPurposeGrants(body, reader.k, reader.brandK);
});
