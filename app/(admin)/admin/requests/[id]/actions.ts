"use server";
import { revalidatePath } from "next/cache";
import { assignSchema, completeSchema, noteSchema, reasonSchema, requestIdSchema, verifySchema } from "@/lib/requests/fulfilment";
import { runAction, type ActionResult } from "@/lib/server/action";
import { publicBaseUrl } from "@/lib/server/base-url";
import { authSecret } from "@/lib/server/secret";
import { completeRequest } from "@/db/queries/request-fulfilment";
import { addRequestNote, assignRequest, extendRequest, markVerified, rejectRequest, startVerification } from "@/db/queries/request-workflow";

// Every action: "request:process" first (privacy officers only), then zod, then one query call that logs and audits.
const done = (id: number, message = "done"): ActionResult => {
  revalidatePath(`/admin/requests/${id}`);
  return { ok: true, message };
};

export async function startVerificationAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", requestIdSchema, form, (i, user) => {
    startVerification(i.requestId, user, authSecret());
    return done(i.requestId);
  });
}

export async function markVerifiedAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", verifySchema, form, (i, user) => {
    markVerified(i.requestId, i.note, user);
    return done(i.requestId);
  });
}

export async function assignRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", assignSchema, form, (i, user) => {
    assignRequest(i.requestId, i.assigneeId, user);
    return done(i.requestId);
  });
}

export async function addNoteAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", noteSchema, form, (i, user) => {
    addRequestNote(i.requestId, i.note, user);
    return done(i.requestId);
  });
}

export async function extendRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", reasonSchema, form, (i, user) => {
    extendRequest(i.requestId, i.reason, user);
    return done(i.requestId);
  });
}

export async function rejectRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", reasonSchema, form, (i, user) => {
    rejectRequest(i.requestId, i.reason, user);
    return done(i.requestId);
  });
}

export async function completeRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", completeSchema, form, async (i, user) => {
    completeRequest(i.requestId, user, { baseUrl: await publicBaseUrl() });
    return done(i.requestId);
  });
}
