"use server";
import { publicBaseUrl } from "@/lib/server/base-url";
import { revalidatePath } from "next/cache";
import { NotFoundError, RefusedError } from "@/lib/errors";
import type { ActionResult } from "@/lib/forms";
import { subjectRequestCodeSchema, subjectRequestSchema } from "@/lib/requests/subject-intake";
import { requestTypesFor } from "@/lib/requests/limit";
import { agentFieldsSchema, agentFromFields } from "@/lib/requests/agent";
import { systemNote } from "@/lib/requests/system-notes";
import { runSubjectAction } from "@/lib/server/action";
import { authSecret } from "@/lib/server/secret";
import { requestStatusLinker } from "@/lib/server/request-status";
import { checkRequestCode, createRequest, type IntakeResult, loadRequest, markVerified } from "@/db/requests";

// The subject acts for themselves; the audit log names them only as "subject", never by address.
const SUBJECT_ACTOR = { id: null, email: "subject" } as const;
const NO_PROOF = { signedPermission: false, powerOfAttorney: false, consumerVerifiedDirectly: false, consumerConfirmedPermission: false };

/** What the subject is told once a request is filed: its reference, the identity step, and any open request of the same kind. */
export type FiledRequest = { ref: string } & Pick<IntakeResult, "verification" | "duplicateOf">;

/**
 * Files a request for the signed-in subject (never one named in the form); the session is their proof of identity.
 * Only the session's subject id reaches createRequest (the schema keeps type and details alone), so no email
 * or customer id here can name another person: a subject conflict cannot arise in the preference center.
 */
export async function fileRequestAction(_prev: ActionResult<FiledRequest>, form: FormData): Promise<ActionResult<FiledRequest>> {
  return runSubjectAction(
    subjectRequestSchema.and(agentFieldsSchema),
    form,
    async (input, subject) => {
      // The right to limit is California's (§7027): a person elsewhere is not offered it, and a forged form is refused.
      if (!requestTypesFor(subject.jurisdiction).includes(input.type)) return { ok: false, fieldErrors: { type: ["not-offered"] } };
      // An agent says who they are here; the proof they hold is recorded by staff once it is received, never taken from the form.
      const agent = agentFromFields(input);
      const { request, verification, duplicateOf } = await createRequest(
        {
          type: input.type,
          jurisdiction: subject.jurisdiction,
          intake: "preference_center",
          subjectId: subject.id,
          details: input.details || undefined,
          agent: agent && { ...agent, ...NO_PROOF },
        },
        SUBJECT_ACTOR,
        {
          proof: "session",
          sendCode: true,
          codeKey: authSecret(),
          statusLink: await requestStatusLinker(),
          staffLinks: { baseUrl: await publicBaseUrl() },
        },
      );
      revalidatePath("/preferences/requests");
      return { ok: true, data: { ref: request.ref, verification, duplicateOf } };
    },
    { limit: "request-code" },
  );
}

/** The code sent for one of the subject's own requests; a request of anyone else is "not found". */
export async function confirmRequestCodeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runSubjectAction(subjectRequestCodeSchema, form, async (input, subject) => {
    if (!(await ownedBy(input.requestId, subject.id))) return { ok: false, formError: "request-not-found" };
    const outcome = await checkRequestCode(input.requestId, input.code, authSecret());
    if (outcome !== "ok")
      throw new RefusedError(
        outcome === "wrong" ? "request-code-wrong" : outcome === "none" ? "request-code-none" : `code-${outcome}`,
        "code",
      );
    await markVerified(input.requestId, systemNote("verified-code-by-subject"), SUBJECT_ACTOR);
    revalidatePath("/preferences/requests");
    return { ok: true, message: "verified" };
  });
}

async function ownedBy(requestId: number, subjectId: number): Promise<boolean> {
  try {
    return (await loadRequest(requestId)).subjectId === subjectId;
  } catch (e) {
    if (e instanceof NotFoundError) return false;
    throw e;
  }
}
