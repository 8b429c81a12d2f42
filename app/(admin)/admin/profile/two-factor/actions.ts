"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { RateLimitedError, RefusedError } from "@/lib/errors";
import { actionFailureFor } from "@/lib/error-contract";
import { formObject, invalidInput, type ActionResult } from "@/lib/forms";
import { newRecoveryCodes, recoveryCodeHash } from "@/lib/auth/totp";
import { twoFactorCodeSchema } from "@/lib/staff/two-factor-schemas";
import { requireStaff, TWO_FACTOR_PATH, type CurrentUser } from "@/lib/server/session";
import { checkSecondFactor, confirmEnrolment, SecondFactorLockedError, startEnrolment } from "@/lib/server/two-factor";
import { cancelTwoFactorSetup, getBrandSettings, removeTwoFactor, renewRecoveryCodes } from "@/db/staff";

type Body<T> = (user: CurrentUser, input: z.infer<typeof twoFactorCodeSchema>) => Promise<ActionResult<T>>;

/**
 * The member's own second factor: any signed-in member, including one the brand sends here to set it
 * up (`enrolling`). A wrong code is a refusal the form shows; too many lock the codes for a while.
 */
async function ownFactor<T>(form: FormData, body: Body<T>): Promise<ActionResult<T>> {
  try {
    const user = await requireStaff({ enrolling: true });
    const parsed = twoFactorCodeSchema.safeParse(formObject(form));
    if (!parsed.success) return invalidInput(parsed.error);
    return await body(user, parsed.data);
  } catch (error) {
    if (error instanceof SecondFactorLockedError)
      return actionFailureFor(new RateLimitedError(Math.ceil(error.retryAfterMs / 1000), "code-locked"))!;
    const failure = actionFailureFor(error);
    if (failure) return failure;
    throw error;
  }
}

const wrongCode = (): never => {
  throw new RefusedError("wrong-code", "code");
};

/** A new secret to scan (replacing one not yet confirmed). */
export async function startEnrolmentAction(): Promise<void> {
  const user = await requireStaff({ enrolling: true });
  await startEnrolment(user, (await getBrandSettings())?.name ?? "Candor");
  revalidatePath(TWO_FACTOR_PATH);
}

/** Turns the factor on with a code from the app; the recovery codes come back once, for the page to show. */
export async function confirmEnrolmentAction(_prev: ActionResult<string[]>, form: FormData): Promise<ActionResult<string[]>> {
  return ownFactor(form, async (user, { code }) => {
    const codes = await confirmEnrolment(user, code);
    if (!codes) return wrongCode();
    return { ok: true, message: "enabled", data: codes };
  });
}

/** Abandons a set-up not yet confirmed. */
export async function cancelEnrolmentAction(): Promise<void> {
  const user = await requireStaff({ enrolling: true });
  await cancelTwoFactorSetup(user.id);
  revalidatePath(TWO_FACTOR_PATH);
}

/** Turns the factor off; needs a current code (or a recovery code). Refused when the brand requires it of this role. */
export async function disableTwoFactorAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return ownFactor(form, async (user, { code }) => {
    const brand = await getBrandSettings();
    if (brand?.requireTwoFactor && (user.role === "admin" || user.role === "privacy_officer"))
      throw new RefusedError("two-factor-required-by-brand");
    if (!(await checkSecondFactor(user, code)).ok) return wrongCode();
    await removeTwoFactor(user.id, user, "self");
    revalidatePath(TWO_FACTOR_PATH);
    return { ok: true, message: "disabled" };
  });
}

/** A new set of recovery codes (the old ones stop working); needs a current code. */
export async function renewRecoveryCodesAction(_prev: ActionResult<string[]>, form: FormData): Promise<ActionResult<string[]>> {
  return ownFactor(form, async (user, { code }) => {
    if (!(await checkSecondFactor(user, code)).ok) return wrongCode();
    const codes = newRecoveryCodes();
    await renewRecoveryCodes(user.id, codes.map(recoveryCodeHash), user);
    return { ok: true, message: "renewed", data: codes };
  });
}
