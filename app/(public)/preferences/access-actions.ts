"use server";
import { takeActionAddress } from "@/lib/server/rate-limits";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formObject } from "@/lib/forms";
import { MAX_CODE_ATTEMPTS } from "@/lib/preferences/code";
import { codeRequestPolicy } from "@/lib/preferences/rate-limit";
import { requestCodeSchema, verifyCodeSchema } from "@/lib/preferences/schemas";
import { requestPreferencesCode, verifyPreferencesCode } from "@/lib/server/preferences-access";
import { honourGpcOnArrival } from "@/lib/server/preferences-record";
import { clearPendingCode, startPreferencesSession } from "@/lib/server/preferences-session";

export type AccessState = {
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: "rate-limited" | "rate-limited-address" | "code-wrong" | "code-locked" | "code-expired" | "code-used" | "no-code";
  /** Numbers the message needs: minutes to wait, tries left, limits. */
  values?: Record<string, number>;
  email?: string;
};

/** Step one: ask for a code. The answer is the same whether or not the email is a customer's. */
export async function requestCodeAction(_prev: AccessState, form: FormData): Promise<AccessState> {
  const parsed = requestCodeSchema.safeParse(formObject(form));
  const email = String(form.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  const fromHere = await takeActionAddress("preferences-code");
  if (!fromHere.ok) return { formError: "rate-limited-address", values: { minutes: Math.ceil(fromHere.retryAfterSeconds / 60) }, email };
  const result = await requestPreferencesCode(parsed.data.email);
  if (!result.ok)
    return {
      formError: "rate-limited",
      values: { minutes: result.retryMinutes, max: codeRequestPolicy.max, window: codeRequestPolicy.windowMs / 60_000 },
      email,
    };
  redirect("/preferences");
}

/** Step two: the code from the email opens a session for its subject. */
export async function verifyCodeAction(_prev: AccessState, form: FormData): Promise<AccessState> {
  const parsed = verifyCodeSchema.safeParse(formObject(form));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const outcome = await verifyPreferencesCode(parsed.data.code);
  if (outcome.status === "ok") {
    await startPreferencesSession(outcome.subject);
    await honourGpcOnArrival(outcome.subject);
    redirect("/preferences");
  }
  if (outcome.status === "wrong") return { formError: "code-wrong", values: { attempts: outcome.attemptsLeft } };
  const errors = { locked: "code-locked", expired: "code-expired", used: "code-used", "no-code": "no-code" } as const;
  return { formError: errors[outcome.status], values: { max: MAX_CODE_ATTEMPTS } };
}

/** Back to step one, for another email or a fresh code. */
export async function startOverAction(): Promise<void> {
  await clearPendingCode();
  redirect("/preferences");
}
