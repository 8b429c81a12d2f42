import { z } from "zod";
import { problem, problemResponse } from "@/lib/api/problem";
import { apiRoute, jsonResponse } from "@/lib/server/api";
import { requirePermission } from "@/lib/server/session";
import { listNoticeBatches } from "@/db/incident-notices";

const idSchema = z.coerce.number().int().positive();

/**
 * The progress of an incident's notice batches, which the notices tab polls while one sends: counts only, never a
 * person. Privacy officers and administrators (incident:read); anyone else 401/403, audited like every refusal.
 */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await requirePermission("incident:read", new URL(request.url).pathname);
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return problemResponse(problem("not-found", "No incident has this id."));
  const batches = await listNoticeBatches(id.data);
  return jsonResponse(batches.map((b) => ({ id: b.id, status: b.status, ...b.progress })));
});
