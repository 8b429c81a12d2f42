"use server";
import { revalidatePath } from "next/cache";
import { NotFoundError } from "@/lib/errors";
import type { ActionResult } from "@/lib/forms";
import { decideNoticeBatchSchema, endPublicNoticeSchema, requestNoticeBatchSchema } from "@/lib/incidents/notice-batches";
import { runAction } from "@/lib/server/action";
import { runNoticeBatch } from "@/lib/server/incident-notices";
import { decideNoticeBatch, endPublicNotice, getNoticeBatch, listIncidentPublicNotices, requestNoticeBatch } from "@/db/incident-notices";

function done(incidentId: number, message: string): ActionResult {
  revalidatePath(`/admin/incidents/${incidentId}/notices`);
  revalidatePath(`/admin/incidents/${incidentId}`);
  revalidatePath("/incidents/notices");
  return { ok: true, message };
}

/** Asks for a batch of notices; one of 100 people or fewer starts sending at once, a larger one waits for approval. */
export async function requestNoticeBatchAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("incident:manage", requestNoticeBatchSchema, form, async (input, user) => {
    const batch = await requestNoticeBatch(input, user);
    if (batch.status === "sending") runNoticeBatch(batch.id);
    return done(input.incidentId, batch.status === "sending" ? "requested" : "requestedApproval");
  });
}

/** A second privacy officer approves (and so sends) or declines a batch; never the member who asked for it. */
export async function decideNoticeBatchAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("incident:approve", decideNoticeBatchSchema, form, async ({ incidentId, batchId, decision }, user) => {
    const batch = await getNoticeBatch(batchId);
    if (!batch || batch.incidentId !== incidentId) throw new NotFoundError("notice batch");
    const decided = await decideNoticeBatch(batchId, decision, user);
    if (decided.status === "sending") runNoticeBatch(batchId);
    return done(incidentId, decision === "approve" ? "approvedMsg" : "declinedMsg");
  });
}

/** Takes a public notice down once it has been shown 30 days. */
export async function endPublicNoticeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("incident:manage", endPublicNoticeSchema, form, async ({ incidentId, publicNoticeId }, user) => {
    const notices = await listIncidentPublicNotices(incidentId);
    if (!notices.some((n) => n.id === publicNoticeId)) throw new NotFoundError("public notice");
    await endPublicNotice(publicNoticeId, user);
    return done(incidentId, "ended");
  });
}
