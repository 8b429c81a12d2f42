"use server";
import { revalidatePath } from "next/cache";
import { assignSchema, noteSchema, reasonSchema, requestIdSchema, verifySchema } from "@/lib/requests/fulfilment";
import { completeWithOutcomeSchema, denyWithOutcomeSchema, type ClosingOutcome } from "@/lib/requests/outcome";
import { agentProofSchema } from "@/lib/requests/agent";
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
  denyRequest,
  markVerified,
  recordAgentProof,
  rectifySubject,
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

/** Denies the request with a reason code and, where the reason needs one, a note the person is told (issue 18). */
export async function denyRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", denyWithOutcomeSchema, form, async (i, user) => {
    await denyRequest(i.requestId, { denialReason: i.denialReason!, note: i.note }, user);
    return done(i.requestId);
  });
}

/** Completes the request, complied with in whole or in part (the withheld part's reason and note). */
export async function completeRequestAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", completeWithOutcomeSchema, form, async (i, user) => {
    const outcome = { outcome: i.outcome, denialReason: i.denialReason, note: i.note } as ClosingOutcome;
    await completeRequest(i.requestId, user, { baseUrl: await publicBaseUrl(), seal: sealLink }, outcome);
    return done(i.requestId);
  });
}

/** The proof an authorised agent has given since the request came in (§7063). */
export async function recordAgentProofAction(_prev: ActionResult, form: FormData) {
  return runAction("request:process", agentProofSchema, form, async (i, user) => {
    const { requestId, ...proof } = i;
    await recordAgentProof(requestId, proof, user);
    return done(requestId);
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
