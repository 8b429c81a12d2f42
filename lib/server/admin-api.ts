import "server-only";
import { problem, problemResponse, zodFieldErrors } from "@/lib/api/problem";
import type { Permission } from "@/lib/auth/permissions";
import { dashboardQuerySchema, resolvePeriod, utcDay, type Period } from "@/lib/metrics/period";
import { findPurposeByKey } from "@/db/dashboards";
import { apiRoute, jsonResponse } from "./api";
import { requirePermission } from "./session";

export type DashboardRequest = {
  period: Period;
  jurisdiction?: string;
  purpose?: { id: number; key: string; name: string };
  now: number;
  today: string;
};

/**
 * A GET handler for an admin dashboard API: the permission is checked first
 * (no session → 401, wrong role → 403, audited), then the query string is
 * validated (422 naming the field); errors are RFC 9457 problem documents, and
 * a domain error the handler throws gets its own (404, 409…) from apiRoute.
 */
export function dashboardRoute(permission: Permission, handler: (q: DashboardRequest) => unknown | Promise<unknown>) {
  return apiRoute(async (request: Request) => {
    const url = new URL(request.url);
    // No session or the wrong role throws; apiRoute answers 401 or 403 through the one error map.
    await requirePermission(permission, url.pathname);
    const parsed = dashboardQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error);
      return problemResponse(problem("validation", "The filters are not valid.", { errors }));
    }
    const now = Date.now();
    const today = utcDay(now);
    const period = resolvePeriod(parsed.data, today);
    if (!period.ok) {
      const errors = [{ pointer: `/${period.field}`, field: period.field, code: "invalid_period", detail: period.message }];
      return problemResponse(problem("validation", period.message, { errors }));
    }
    let purpose: DashboardRequest["purpose"];
    if (parsed.data.purpose) {
      purpose = await findPurposeByKey(parsed.data.purpose);
      if (!purpose) {
        const detail = `No purpose has the key "${parsed.data.purpose}".`;
        return problemResponse(
          problem("validation", detail, { errors: [{ pointer: "/purpose", field: "purpose", code: "unknown-purpose", detail }] }),
        );
      }
    }
    const body = await handler({ period: period.period, jurisdiction: parsed.data.jurisdiction, purpose, now, today });
    return body instanceof Response ? body : jsonResponse(body);
  });
}
