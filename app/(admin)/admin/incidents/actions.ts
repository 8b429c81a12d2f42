"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { registerIncidentSchema } from "@/lib/incidents/incident";
import { runAction, type ActionResult } from "@/lib/server/action";
import { getBrandSettings } from "@/db/staff";
import { createIncident, setIncidentStatus, updateIncident } from "@/db/incidents";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// The form's times are the brand's wall clock; the schema is built for this moment and zone once the member is allowed.
async function registerSchema() {
  const brand = await getBrandSettings();
  return registerIncidentSchema({ now: new Date(), timeZone: brand?.timeZone ?? "UTC" });
}

function changed(id: number) {
  revalidatePath("/admin/incidents");
  revalidatePath(`/admin/incidents/${id}`, "layout");
}

/** Records an incident (every breach, notified or not: GDPR Art. 33(5)) and opens it. */
export async function createIncidentAction(_prev: ActionResult<number>, form: FormData): Promise<ActionResult<number>> {
  const result = await runAction("incident:manage", registerSchema, form, async (input, user) => {
    const brand = await getBrandSettings();
    const row = await createIncident(input, user, { timeZone: brand?.timeZone ?? "UTC" });
    changed(row.id);
    return { ok: true, data: row.id };
  });
  // redirect() throws, so it stays outside runAction's error handling.
  if (result.ok && result.data) redirect(`/admin/incidents/${result.data}`);
  return result;
}

/** Saves an edit of an open incident; the timeline and the audit log name the fields that changed. */
export async function updateIncidentAction(id: number, _prev: ActionResult<number>, form: FormData): Promise<ActionResult<number>> {
  const incidentId = idSchema.parse(id);
  const result = await runAction("incident:manage", registerSchema, form, async (input, user) => {
    const { changed: fields } = await updateIncident(incidentId, input, user);
    changed(incidentId);
    return fields.length ? { ok: true, data: incidentId } : { ok: true, message: "unchanged" };
  });
  if (result.ok && result.data) redirect(`/admin/incidents/${result.data}`);
  return result;
}

const statusSchema = z.object({
  id: idSchema,
  to: z.enum(["open", "closed"]),
  note: z
    .string()
    .trim()
    .max(2000, { error: "too-long" })
    .optional()
    .transform((v) => v || null),
});

/** Closes an incident (it stays in the register) or reopens it, with an optional note on the timeline. */
export async function setIncidentStatusAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("incident:manage", statusSchema, form, async ({ id, to, note }, user) => {
    await setIncidentStatus(id, to, note, user);
    changed(id);
    return { ok: true, message: to };
  });
}
