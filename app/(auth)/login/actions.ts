"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signInSchema } from "@/lib/staff/schemas";
import { signIn } from "@/lib/server/auth";
import { signInLockRemaining } from "@/lib/server/staff-sign-in";

export type SignInState = {
  error?: "invalid" | "locked";
  retryMinutes?: number;
  fieldErrors?: Record<string, string[] | undefined>;
  email?: string;
};

const nextSchema = z
  .string()
  .regex(/^\/admin(\/[\w\-/]*)?$/)
  .catch("/admin");

/** Signs a staff member in and sends them to where they were going (an admin path only). */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "").slice(0, 200);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: nextSchema.parse(form.get("next")) });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const remaining = signInLockRemaining(parsed.data.email);
      if (error.code === "locked" || remaining)
        return { error: "locked", retryMinutes: Math.max(1, Math.ceil((remaining ?? 60_000) / 60_000)), email };
      return { error: "invalid", email };
    }
    if (error instanceof AuthError) return { error: "invalid", email };
    throw error; // the redirect after a successful sign-in travels as an exception
  }
}
