"use server";
import { redirect } from "next/navigation";
import { RateLimitedError, RefusedError } from "@/lib/errors";
import type { ActionResult } from "@/lib/forms";
import { MAX_CODE_ATTEMPTS } from "@/lib/preferences/code";
import { codeRequestPolicy } from "@/lib/preferences/rate-limit";
import { requestCodeSchema, verifyCodeSchema } from "@/lib/preferences/schemas";
import { limitAddress, runPublicAction } from "@/lib/server/action";
import { requestPreferencesCode, verifyPreferencesCode } from "@/lib/server/preferences-access";
import { honourGpcOnArrival } from "@/lib/server/preferences-record";
import { clearPendingCode, startPreferencesSession } from "@/lib/server/preferences-session";

/** Step one: ask for a code. The answer is the same whether or not the email is a customer's. */
export async function requestCodeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runPublicAction(requestCodeSchema, form, async ({ email }) => {
    await limitAddress("preferences-code", "rate-limited-address");
    const result = await requestPreferencesCode(email);
    if (!result.ok)
      throw new RateLimitedError(result.retryMinutes * 60, "rate-limited", {
        max: codeRequestPolicy.max,
        window: codeRequestPolicy.windowMs / 60_000,
      });
    redirect("/preferences");
  });
}

/** Step two: the code from the email opens a session for its subject. */
export async function verifyCodeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runPublicAction(verifyCodeSchema, form, async ({ code }) => {
    const outcome = await verifyPreferencesCode(code);
    if (outcome.status === "ok") {
      await startPreferencesSession(outcome.subject);
      await honourGpcOnArrival(outcome.subject);
      redirect("/preferences");
    }
    if (outcome.status === "wrong") throw new RefusedError("code-wrong", undefined, { attempts: outcome.attemptsLeft });
    throw new RefusedError(codeRefusals[outcome.status], undefined, { max: MAX_CODE_ATTEMPTS });
  });
}

const codeRefusals = { locked: "code-locked", expired: "code-expired", used: "code-used", "no-code": "no-code" } as const;

/** Back to step one, for another email or a fresh code. */
export async function startOverAction(): Promise<void> {
  await clearPendingCode();
  redirect("/preferences");
}
