import { problem, problemResponse, zodFieldErrors } from "@/lib/api/problem";
import { staffSearchSchema } from "@/lib/search/query";
import { apiRoute, jsonResponse } from "@/lib/server/api";
import { staffSearch } from "@/lib/server/search";
import { requirePermission } from "@/lib/server/session";

/**
 * The staff search box's reads: requests, people and purposes matching `q`, grouped by kind. Signed-in staff
 * only (401); people and requests only for roles that may read people's data, and a `kind=people` or
 * `kind=requests` from any other role is refused (403, audited). A query over 200 characters is a 422.
 */
export const GET = apiRoute(async (request: Request) => {
  const url = new URL(request.url);
  await requirePermission("purpose:read", url.pathname);
  const parsed = staffSearchSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return problemResponse(problem("validation", "The search is not valid.", { errors: zodFieldErrors(parsed.error) }));
  return jsonResponse(await staffSearch(parsed.data, url.pathname));
});
