import { z } from "zod";
import { problem, problemResponse } from "@/lib/api/problem";
import { apiRoute, jsonResponse } from "@/lib/server/api";
import { incidentIdSchema } from "@/lib/server/incident-affected";
import { requirePermission } from "@/lib/server/session";
import { getAffectedRun } from "@/db/incident-affected";

const runIdSchema = z.uuid();

/** Where a selection run stands: share done, counts per jurisdiction so far, and a list's report. The member's own runs only. */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ id: string; run: string }> }) => {
  const { id, run } = await params;
  const user = await requirePermission("incident:manage", `/api/admin/incidents/${id}/affected/runs`);
  const incidentId = incidentIdSchema.safeParse(id);
  if (!incidentId.success || !runIdSchema.safeParse(run).success)
    return problemResponse(problem("not-found", "There is no such selection."));
  return jsonResponse(await getAffectedRun(run, incidentId.data, { id: user.id, email: user.email }));
});
