"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { affectedApplyModes } from "@/lib/incidents/affected";
import { runAction, type ActionResult } from "@/lib/server/action";
import { applyAffectedRun } from "@/db/incident-affected";

const applySchema = z.object({
  incidentId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  runId: z.uuid({ error: "selection-not-ready" }),
  mode: z.enum(affectedApplyModes, { error: "required" }),
});

/**
 * Stores a finished selection as the incident's affected people, replacing them or adding to them (incident:manage).
 * The store records the selection, a timeline step and an audit entry with the counts; a closed incident or a
 * selection that is not ready (or not the member's) is refused and nothing is written.
 */
export async function applyAffectedAction(
  _prev: ActionResult<{ affected: number; runId: string }>,
  form: FormData,
): Promise<ActionResult<{ affected: number; runId: string }>> {
  return runAction("incident:manage", applySchema, form, async (input, user) => {
    const { affected } = await applyAffectedRun(input.runId, input.incidentId, input.mode, { id: user.id, email: user.email });
    revalidatePath(`/admin/incidents/${input.incidentId}`, "layout");
    revalidatePath("/admin/incidents");
    revalidatePath("/admin/privacy-ops");
    return { ok: true, message: "applied", data: { affected, runId: input.runId } };
  });
}
