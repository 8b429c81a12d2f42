"use server";
import { revalidatePath } from "next/cache";
import { assignSchema, completeSchema, noteSchema, reasonSchema, requestIdSchema, verifySchema } from "@/lib/requests/fulfilment";
import { runAction, type ActionResult } from "@/lib/server/action";
import { publicBaseUrl } from "@/lib/server/base-url";
import { sealLink } from "@/lib/server/sealed-link";
import { authSecret } from "@/lib/server/secret";
import {
  addRequestNote,
  assignRequest,
  checkRequestCode,
  completeRequest,
  extendRequest,
  markVerified,
  rectifySubject,
  rejectRequest,
  startVerification,
} from "@/db/requests";
import { rectifySchema } from "@/lib/requests/rectification";
import { staffCodeSchema } from "@/lib/requests/subject-intake";
import { systemNote } from "@/lib/requests/system-notes";
import { DuplicateError } from "@/lib/errors";

// Every action: "request:process" first (privacy officers only), then zod, then one query call that logs and audits.
const done = (id: number, message = "done"): ActionResult => {
  revalidatePath(`/admin/requests/${id}`);
  return { ok: true, message };
};

export async function startVerificationAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", requestIdSchema, form, async (i, user) => {
    await startVerification(i.requestId, user, authSecret());
    return done(i.requestId);
  });
}

export async function markVerifiedAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", verifySchema, form, async (i, user) => {
    await markVerified(i.requestId, i.note, user);
    return done(i.requestId);
  });
}

export async function assignRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", assignSchema, form, async (i, user) => {
    await assignRequest(i.requestId, i.assigneeId, user);
    return done(i.requestId);
  });
}

export async function addNoteAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", noteSchema, form, async (i, user) => {
    await addRequestNote(i.requestId, i.note, user);
    return done(i.requestId);
  });
}

export async function extendRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", reasonSchema, form, async (i, user) => {
    await extendRequest(i.requestId, i.reason, user);
    return done(i.requestId);
  });
}

export async function rejectRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", reasonSchema, form, async (i, user) => {
    await rejectRequest(i.requestId, i.reason, user);
    return done(i.requestId);
  });
}

export async function completeRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", completeSchema, form, async (i, user) => {
    await completeRequest(i.requestId, user, { baseUrl: await publicBaseUrl(), seal: sealLink });
    return done(i.requestId);
  });
}

/** The code the person read back (by phone, say): a match verifies the request. */
export async function checkCodeAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", staffCodeSchema, form, async (i, user): Promise<ActionResult> => {
    const outcome = await checkRequestCode(i.requestId, i.code, authSecret());
    if (outcome !== "ok") return { ok: false, fieldErrors: { code: [`request-code-${outcome}`] } };
    await markVerified(i.requestId, systemNote("verified-code-read-back"), user);
    return done(i.requestId);
  });
}

/** Field-by-field correction of the person's details for a verified rectification request. */
export async function rectifyAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", rectifySchema, form, async (i, user): Promise<ActionResult> => {
    try {
      const changed = await rectifySubject(i, user);
      revalidatePath(`/admin/requests/${i.requestId}`);
      return { ok: true, message: String(changed) };
    } catch (e) {
      if (e instanceof DuplicateError) return { ok: false, fieldErrors: { email: ["subject-email-taken"] } };
      throw e;
    }
  });
}
