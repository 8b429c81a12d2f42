import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { problem, problemResponse } from "@/lib/api/problem";
import { queueAuditFilters, queueConditions, requestQueueFilterSchema } from "@/lib/requests/filter";
import { QUEUE_EXPORT_MAX, queueCsv, queueCsvFileName } from "@/lib/requests/queue-csv";
import { apiRoute } from "@/lib/server/api";
import { resolveTimeZone } from "@/lib/server/i18n-request";
import { requirePermission } from "@/lib/server/session";
import { listRequestQueue, type RequestQueueRow } from "@/db/requests";
import { createAuditEntry } from "@/db/staff";

/** The customer as one cell: the person's email or customer id, or the contact staff took down for an unlinked request. */
function customerCell(c: RequestQueueRow["customer"]): string {
  if (!c) return "";
  if ("contact" in c) return c.contact.email ?? c.contact.externalId ?? c.contact.name ?? "";
  return c.email ?? c.externalId ?? "";
}

/**
 * The filtered queue as CSV: the queue page's own query (lib/requests/filter.ts), every matching row up to
 * QUEUE_EXPORT_MAX (past it, a 422 asking to narrow the filters, never a silently cut file). request:read first
 * (401/403, audited); the customer column and a text search of people only for subject:read-pii. The file holds
 * personal data, so each download is audited with its filters (a text filter only as used, never its words: it is
 * often a person's email or name, and the audit log outlives an erasure) and row count.
 */
export const GET = apiRoute(async (request: Request) => {
  const url = new URL(request.url);
  const user = await requirePermission("request:read", url.pathname);
  const filter = requestQueueFilterSchema.parse(Object.fromEntries(url.searchParams));
  const withCustomer = can(user.role, "subject:read-pii");
  const now = new Date();
  const [t, types, timeZone] = await Promise.all([getTranslations("bulk"), getTranslations("requests"), resolveTimeZone()]);
  const { rows, hasMore } = await listRequestQueue({
    ...queueConditions(filter, user.id, now, { seesPeople: withCustomer }),
    page: 1,
    pageSize: QUEUE_EXPORT_MAX,
    withCustomer,
  });
  if (hasMore) return problemResponse(problem("refused", t("exportTooMany", { max: QUEUE_EXPORT_MAX.toLocaleString() })));
  const zone = { zone: timeZone };
  const csv = queueCsv(
    rows.map((r) => ({ ...r, customer: withCustomer ? customerCell(r.customer) : null })),
    {
      headers: {
        ref: t("csv.ref"),
        type: t("csv.type"),
        status: t("csv.status"),
        outcome: types("outcomeLabel"),
        denialReason: t("csv.denialReason"),
        jurisdiction: t("csv.jurisdiction"),
        received: t("csv.received", zone),
        due: t("csv.due", zone),
        extended: t("csv.extended"),
        assignee: t("csv.assignee"),
        customer: t("csv.customer"),
      },
      type: (code) => types(`types.${code}` as never),
      status: (code) => types(`statuses.${code}` as never),
      outcome: (code) => types(`outcomes.${code}` as never),
      denialReason: (code) => types(`denialReasons.${code}` as never),
      yes: t("csv.yes"),
    },
    { timeZone, withCustomer },
  );
  await createAuditEntry({
    actorId: user.id,
    actorLabel: user.email,
    action: "request.export-csv",
    targetType: "request_queue",
    details: { filters: queueAuditFilters(filter), rows: rows.length, customer: withCustomer },
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${queueCsvFileName(now, timeZone)}"`,
      "Cache-Control": "no-store",
    },
  });
});
