import { z } from "zod";
import { requestTypes, type RequestType } from "./vocabulary";

/**
 * How sure Candor must be of a subject's identity before acting on a request:
 * - "none": acted on without verification (CCPA §7026: opt-out of sale/sharing; §7027(e): limit the use
 *   of sensitive personal information);
 * - "session": a verified preference-center session, the brand's own sign-in,
 *   or a one-time code to the address on file;
 * - "code": always a fresh one-time code for this request, even from a session,
 *   because the request releases or erases data.
 */
export const verificationLevels = ["none", "session", "code"] as const;
export type VerificationLevel = (typeof verificationLevels)[number];

export const defaultVerification: Record<RequestType, VerificationLevel> = {
  access: "code",
  portability: "code",
  deletion: "code",
  rectification: "session",
  restriction: "session",
  objection: "session",
  opt_out_sale: "none",
  limit_sensitive: "none",
};

export const verificationSettingsSchema = z.object(
  Object.fromEntries(requestTypes.map((t) => [t, z.enum(verificationLevels)])) as Record<
    RequestType,
    z.ZodEnum<{ none: "none"; session: "session"; code: "code" }>
  >,
);
export type VerificationSettings = Record<RequestType, VerificationLevel>;

/** The brand's levels, with the default for any type it has not set (or stored malformed). */
export function verificationSettings(stored: unknown): VerificationSettings {
  const partial = verificationSettingsSchema.partial().safeParse(stored);
  return { ...defaultVerification, ...(partial.success ? stripUndefined(partial.data) : {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What the subject has already proven when the request arrives. */
export type IntakeProof = "none" | "session" | "brand-login";

/**
 * What happens to a new request's verification: it needs none, the proof that
 * came with it is enough, or a code must be sent to the address on file.
 */
export function intakeVerification(level: VerificationLevel, proof: IntakeProof): "not-needed" | "verified" | "send-code" {
  if (level === "none") return "not-needed";
  if (level === "session" && proof !== "none") return "verified";
  return "send-code";
}

/** The request policy form: how long an unverified request waits, the APPI target, and the check per type. */
export const requestPolicySchema = z.object({
  unverifiedCloseDays: z.coerce
    .number({ error: "not-a-number" })
    .int({ error: "not-a-whole-number" })
    .min(3, { error: "too-small" })
    .max(90, { error: "too-large" }),
  appiTargetDays: z.coerce
    .number({ error: "not-a-number" })
    .int({ error: "not-a-whole-number" })
    .min(1, { error: "too-small" })
    .max(30, { error: "too-large" }),
  ...Object.fromEntries(requestTypes.map((t) => [`verify_${t}`, z.enum(verificationLevels, { error: "required" })])),
}) as unknown as z.ZodType<{ unverifiedCloseDays: number; appiTargetDays: number } & Record<`verify_${RequestType}`, VerificationLevel>>;

/** The per-type levels out of the policy form's flat fields. */
export function levelsFromForm(input: Record<`verify_${RequestType}`, VerificationLevel>): VerificationSettings {
  return Object.fromEntries(requestTypes.map((t) => [t, input[`verify_${t}`]])) as VerificationSettings;
}
