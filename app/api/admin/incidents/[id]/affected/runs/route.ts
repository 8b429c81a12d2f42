import { apiRoute, jsonResponse } from "@/lib/server/api";
import { openIncidentFor, startRunFromRequest } from "@/lib/server/incident-affected";
import { requirePermission } from "@/lib/server/session";

/**
 * Starts working out who an incident affected (issue 21, deliverable 2), by criteria or from a list; answers 202
 * with the run, whose progress and counts GET …/runs/{run} reads. Privacy officers and administrators only
 * (incident:manage; 401/403 problem documents otherwise), for an open incident (404 unknown, 409 closed).
 */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await requirePermission("incident:manage", `/api/admin/incidents/${id}/affected/runs`);
  const incident = await openIncidentFor(id);
  const run = await startRunFromRequest(request, incident.id, user);
  return run instanceof Response ? run : jsonResponse(run, 202);
});
