"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ConflictError, RateLimitedError, RefusedError } from "@/lib/errors";
import { actionFailureFor } from "@/lib/error-contract";
import { formObject, invalidInput, type ActionResult } from "@/lib/forms";
import { newRecoveryCodes } from "@/lib/auth/totp";
import { mustEnrolTwoFactor } from "@/lib/auth/two-factor-policy";
import { storedRecoveryCode } from "@/lib/server/sealing";
import { twoFactorCodeSchema } from "@/lib/staff/two-factor-schemas";
import { requireStaff, TWO_FACTOR_PATH, type CurrentUser } from "@/lib/server/session";
import { checkSecondFactor, confirmEnrolment, SecondFactorLockedError, startEnrolment } from "@/lib/server/two-factor";
import { cancelTwoFactorSetup, getBrandSettings, isTwoFactorOn, removeTwoFactor, renewRecoveryCodes } from "@/db/staff";

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

/** Two-step was turned on meanwhile (another tab): back to the page, which says so and shows its state. */
const alreadyOn = (error: unknown) => {
  if (error instanceof ConflictError && error.code === "two-factor-on") redirect(`${TWO_FACTOR_PATH}?notice=already-on`);
  throw error;
};

/** A new secret to scan (replacing one not yet confirmed). */
export async function startEnrolmentAction(): Promise<void> {
  const user = await requireStaff({ enrolling: true });
  await startEnrolment(user, (await getBrandSettings())?.name ?? "Candor").catch(alreadyOn);
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
  // Nothing to cancel once it is on (another tab confirmed it): the page says so rather than doing nothing.
  if (await isTwoFactorOn(user.id)) alreadyOn(new ConflictError("two-factor-on"));
  await cancelTwoFactorSetup(user.id);
  revalidatePath(TWO_FACTOR_PATH);
}

/** Turns the factor off; needs a current code (or a recovery code). Refused when the brand requires it of this role. */
export async function disableTwoFactorAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return ownFactor(form, async (user, { code }) => {
    const brand = await getBrandSettings();
    // The one rule (lib/auth/two-factor-policy.ts): would turning it off leave a member the brand obliges without one?
    if (mustEnrolTwoFactor(user.role, Boolean(brand?.requireTwoFactor), false)) throw new RefusedError("two-factor-required-by-brand");
    if (!(await checkSecondFactor(user, code)).ok) return wrongCode();
    // Turning it off ends the member's sessions but this one, where the code was just given.
    await removeTwoFactor(user.id, user, "self", user.sessionId ?? null);
    revalidatePath(TWO_FACTOR_PATH);
    return { ok: true, message: "disabled" };
  });
}

/** A new set of recovery codes (the old ones stop working); needs a current code. */
export async function renewRecoveryCodesAction(_prev: ActionResult<string[]>, form: FormData): Promise<ActionResult<string[]>> {
  return ownFactor(form, async (user, { code }) => {
    if (!(await checkSecondFactor(user, code)).ok) return wrongCode();
    const codes = newRecoveryCodes();
    await renewRecoveryCodes(user.id, codes.map(storedRecoveryCode), user);
    return { ok: true, message: "renewed", data: codes };
  });
}
