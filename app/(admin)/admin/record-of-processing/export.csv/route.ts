import { ropaCsv, ropaFileName } from "@/lib/ropa/csv";
import { apiRoute } from "@/lib/server/api";
import { loadRopa } from "@/lib/server/ropa";
import { requirePermission } from "@/lib/server/session";
import { createAuditEntry } from "@/db/staff";

/**
 * The record of processing as CSV: one row per purpose and data category, in the reader's language, with a
 * byte-order mark and formula cells defused. Privacy officers and administrators only (401/403 problem, the
 * refusal audited by requirePermission); each download is audited with its row count and open gaps.
 */
export const GET = apiRoute(async (request: Request) => {
  const user = await requirePermission("record-of-processing:read", new URL(request.url).pathname);
  const ropa = await loadRopa();
  const csv = ropaCsv(ropa.map, ropa.words);
  await createAuditEntry({
    actorId: user.id,
    actorLabel: user.email,
    action: "record-of-processing.export",
    targetType: "record_of_processing",
    details: { format: "csv", purposes: ropa.map.purposes.length, gaps: ropa.gaps.length },
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ropaFileName(ropa.day, "csv")}"`,
      "Cache-Control": "no-store",
    },
  });
});
