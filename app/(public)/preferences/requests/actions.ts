"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formObject, type ActionResult } from "@/lib/forms";
import { subjectRequestCodeSchema, subjectRequestSchema } from "@/lib/requests/subject-intake";
import { getPreferencesSubject } from "@/lib/server/preferences-session";
import { authSecret } from "@/lib/server/secret";
import { takeActionAddress } from "@/lib/server/rate-limits";
import { createRequest } from "@/db/queries/request-intake";
import { checkRequestCode, loadRequest, markVerified } from "@/db/queries/request-workflow";
import { NotFoundError } from "@/db/errors";

// The subject acts for themselves; the audit log names them only as "subject", never by address.
const SUBJECT_ACTOR = { id: null, email: "subject" } as const;

export type FileRequestResult = ActionResult & {
  ref?: string;
  verification?: "not-needed" | "verified" | "send-code";
  duplicateOf?: string | null;
};

/**
 * Files a request for the signed-in subject (never one named in the form); the session is their proof of identity.
 * Only the session's subject id reaches createRequest (the schema keeps type and details alone), so no email
 * or customer id here can name another person: a subject conflict cannot arise in the preference center.
 */
export async function fileRequestAction(_prev: FileRequestResult, form: FormData): Promise<FileRequestResult> {
  const subject = await getPreferencesSubject();
  if (!subject) return { ok: false, formError: "signed-out" };
  if (!(await takeActionAddress("request-code")).ok) return { ok: false, formError: "rate-limited" };
  const parsed = subjectRequestSchema.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const { request, verification, duplicateOf } = createRequest(
    {
      type: parsed.data.type,
      jurisdiction: subject.jurisdiction,
      intake: "preference_center",
      subjectId: subject.id,
      details: parsed.data.details || undefined,
    },
    SUBJECT_ACTOR,
    { proof: "session", sendCode: true, codeKey: authSecret() },
  );
  revalidatePath("/preferences/requests");
  return { ok: true, ref: request.ref, verification, duplicateOf };
}

/** The code sent for one of the subject's own requests; a request of anyone else is "not found". */
export async function confirmRequestCodeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const subject = await getPreferencesSubject();
  if (!subject) return { ok: false, formError: "signed-out" };
  const parsed = subjectRequestCodeSchema.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  let owned = false;
  try {
    owned = loadRequest(parsed.data.requestId).subjectId === subject.id;
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  if (!owned) return { ok: false, formError: "request-not-found" };
  const outcome = checkRequestCode(parsed.data.requestId, parsed.data.code, authSecret());
  if (outcome !== "ok")
    return {
      ok: false,
      fieldErrors: { code: [outcome === "wrong" ? "request-code-wrong" : outcome === "none" ? "request-code-none" : `code-${outcome}`] },
    };
  markVerified(parsed.data.requestId, "identity confirmed by the subject with the emailed code", SUBJECT_ACTOR);
  revalidatePath("/preferences/requests");
  return { ok: true, message: "verified" };
}
