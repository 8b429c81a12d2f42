import { z } from "zod";
import { jsonPointer, problem, type Problem } from "./problem";
import { jurisdictions } from "../jurisdictions";
import {
  denialReasons,
  requestOutcomes,
  requestStatuses,
  requestTypes,
  type DenialReason,
  type RequestOutcome,
} from "../requests/vocabulary";
import { verificationLevels } from "../requests/verification";

// Subject requests through the API: the brand's own site or support tool files a request for a customer.

export const REQUEST_BODY_LIMIT = 16 * 1024;
export const requestRefSchema = z
  .string()
  .trim()
  .regex(/^REQ-\d{4}-\d{5,}$/, { error: "A request reference, e.g. REQ-2026-00042." });

export const requestInputSchema = z
  .object({
    type: z.enum(requestTypes).meta({ description: "What the subject asks for." }),
    subject: z
      .object({
        id: z.string().trim().min(1).max(64).optional(),
        externalId: z.string().trim().min(1).max(128).optional(),
        email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
      })
      .strict()
      .refine((s) => s.id || s.externalId || s.email, { message: "Name the subject by id, externalId or email." })
      .meta({ description: "Who asks. An unknown person is accepted with an email, which Candor verifies by a one-time code." }),
    jurisdiction: z
      .enum(jurisdictions)
      .optional()
      .meta({ description: "Whose law sets the deadline. Defaults to the subject's; required for someone Candor does not know." }),
    details: z.string().trim().max(4000).optional().meta({ description: "What the subject wrote, e.g. which field to correct." }),
    identityVerified: z.boolean().default(false).meta({
      description:
        'true when the subject was signed in to your own site when they asked. It satisfies the "session" level; types set to "code" still get a one-time code by email.',
    }),
  })
  .strict();
export type RequestInput = z.infer<typeof requestInputSchema>;

/**
 * The answer when the identities of a request (subject.id, subject.externalId, subject.email)
 * belong to different people: one error per field, each naming the others. Candor never picks one.
 */
export function subjectConflictProblem(fields: string[]): Problem {
  const detail = `${fields.join(" and ")} name different people. Candor does not guess which of them asks: send the identities of one person.`;
  return problem("subject-conflict", detail, {
    errors: fields.map((field) => ({
      pointer: jsonPointer(field.split(".")),
      field,
      code: "subject-conflict",
      detail: `Names a different person than ${fields.filter((f) => f !== field).join(" and ")}.`,
    })),
  });
}

export const requestStatusSchema = z.object({
  ref: z.string().meta({ description: "Candor's reference, for GET /api/v1/requests/{ref}." }),
  type: z.enum(requestTypes),
  status: z.enum(requestStatuses),
  jurisdiction: z.string(),
  subjectId: z
    .string()
    .nullable()
    .meta({ description: "Candor's id of the subject; null when nobody matched (or the subject was erased)." }),
  verification: z.enum(verificationLevels).meta({ description: "The identity check this request needs, fixed when it arrived." }),
  verified: z.boolean(),
  receivedAt: z.string().meta({ format: "date-time" }),
  dueAt: z
    .string()
    .meta({ format: "date-time" })
    .meta({ description: "The legal deadline in the subject's regime (after any extension)." }),
  extended: z.boolean(),
  closedAt: z.string().nullable().meta({ format: "date-time" }),
  outcome: z
    .enum(requestOutcomes)
    .nullable()
    .optional()
    .meta({ description: "How a closed request ended: complied with in whole, in part, or denied (CCPA 11 CCR §7102); null while open." }),
  denialReason: z
    .enum(denialReasons)
    .nullable()
    .optional()
    .meta({ description: "Why it, or the part withheld, was denied; null when complied with in whole or still open." }),
  duplicateOf: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "On creation: an open request of the same type from the same subject. Both are kept." }),
});
export type RequestStatusBody = z.infer<typeof requestStatusSchema>;

type RequestRow = {
  ref: string;
  type: RequestStatusBody["type"];
  status: RequestStatusBody["status"];
  jurisdiction: string;
  verification: RequestStatusBody["verification"];
  verifiedAt: Date | null;
  receivedAt: Date;
  dueAt: Date;
  extendedAt: Date | null;
  closedAt: Date | null;
  outcome?: RequestOutcome | null;
  denialReason?: DenialReason | null;
};

/** A request as the API shows it: state and dates, no personal data beyond the subject's Candor id. */
export function requestStatusBody(r: RequestRow, subjectUid: string | null): RequestStatusBody {
  return {
    ref: r.ref,
    type: r.type,
    status: r.status,
    jurisdiction: r.jurisdiction,
    subjectId: subjectUid,
    verification: r.verification,
    verified: r.verifiedAt !== null || r.verification === "none",
    receivedAt: r.receivedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    extended: r.extendedAt !== null,
    closedAt: r.closedAt?.toISOString() ?? null,
    outcome: r.outcome ?? null,
    denialReason: r.denialReason ?? null,
  };
}
