import { z } from "zod";

const code = z.string().trim().min(1, { error: "required" }).max(40, { error: "too-long" });

/** The sign-in form's second step: the ticket from the password step and a code (app or recovery). */
export const codeStepSchema = z.object({ ticket: z.string().min(1).max(400), code });

/** A code from the authenticator app or a recovery code (turning the factor on or off, renewing recovery codes). */
export const twoFactorCodeSchema = z.object({ code });

/** An administrator resetting a colleague's second factor (a lost phone). */
export const resetTwoFactorSchema = z.object({ userId: z.coerce.number().int().positive() });

/** The brand's setting: privacy officers and administrators must use a second factor. */
export const requireTwoFactorSchema = z.object({
  // A checkbox: sent when ticked, absent when not.
  required: z
    .literal("true", { error: "invalid" })
    .optional()
    .transform((v) => v === "true"),
});
