"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { RateLimitedError, RefusedError } from "@/lib/errors";
import type { ActionResult } from "@/lib/forms";
import { signInSchema } from "@/lib/staff/schemas";
import { runPublicAction } from "@/lib/server/action";
import { signIn } from "@/lib/server/auth";
import { signInLockRemaining } from "@/lib/server/staff-sign-in";

const nextSchema = z
  .string()
  .regex(/^\/admin(\/[\w\-/]*)?$/)
  .catch("/admin");

/** Signs a staff member in and sends them to where they were going (an admin path only). */
export async function signInAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runPublicAction(signInSchema, form, async (credentials) => {
    try {
      await signIn("credentials", { ...credentials, redirectTo: nextSchema.parse(form.get("next")) });
      return { ok: true };
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const remaining = await signInLockRemaining(credentials.email);
        if (error.code === "locked" || remaining) throw new RateLimitedError(Math.ceil((remaining ?? 60_000) / 1000), "locked");
        throw new RefusedError("invalid");
      }
      if (error instanceof AuthError) throw new RefusedError("invalid");
      throw error; // the redirect after a successful sign-in travels as an exception
    }
  });
}
