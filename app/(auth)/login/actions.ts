"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { RateLimitedError, RefusedError } from "@/lib/errors";
import type { ActionResult } from "@/lib/forms";
import { signInSchema } from "@/lib/staff/schemas";
import { codeStepSchema } from "@/lib/staff/two-factor-schemas";
import { limitAddress, runPublicAction } from "@/lib/server/action";
import { signIn } from "@/lib/server/auth";
import { passwordStep, signInLockRemaining, SignInLockedError } from "@/lib/server/staff-sign-in";

const nextSchema = z
  .string()
  .regex(/^\/admin(\/[\w\-/]*)?$/)
  .catch("/admin");

const CODE_LOCK_SECONDS = 15 * 60;

/**
 * Signs a staff member in and sends them to where they were going (an admin path only). First the
 * password; for a member with a second factor the form then asks for a code, carrying the ticket
 * the password step gave (never the password itself).
 */
export async function signInAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const redirectTo = nextSchema.parse(form.get("next"));
  if (form.has("ticket")) {
    return runPublicAction(codeStepSchema, form, async ({ ticket, code }) => {
      try {
        await signIn("credentials", { ticket, code, redirectTo });
        return { ok: true };
      } catch (error) {
        if (error instanceof CredentialsSignin && error.code === "locked") throw new RateLimitedError(CODE_LOCK_SECONDS, "code-locked");
        if (error instanceof AuthError) return { ok: false, formError: "invalid-code", values: { ticket } };
        throw error; // the redirect after a successful sign-in travels as an exception
      }
    });
  }
  return runPublicAction(signInSchema, form, async (credentials) => {
    await limitAddress("sign-in", "locked");
    let step: Awaited<ReturnType<typeof passwordStep>>;
    try {
      step = await passwordStep(credentials);
    } catch (error) {
      if (error instanceof SignInLockedError) throw new RateLimitedError(Math.ceil(error.retryAfterMs / 1000), "locked");
      throw error;
    }
    if (!step) throw new RefusedError("invalid");
    if (step.needsCode) return { ok: false, formError: "code-needed", values: { ticket: step.ticket } };
    try {
      await signIn("credentials", { ticket: step.ticket, redirectTo });
      return { ok: true };
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const remaining = await signInLockRemaining(credentials.email);
        if (error.code === "locked" || remaining) throw new RateLimitedError(Math.ceil((remaining ?? 60_000) / 1000), "locked");
        throw new RefusedError("invalid");
      }
      if (error instanceof AuthError) throw new RefusedError("invalid");
      throw error;
    }
  });
}
