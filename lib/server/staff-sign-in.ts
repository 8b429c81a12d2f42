import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { signInSchema } from "@/lib/staff/schemas";
import type { SignInMethod } from "@/lib/auth/session-validity";
import { checkThrottle, recordFailure } from "@/lib/auth/throttle";
import {
  clearThrottle,
  createAuditEntry,
  getStaffUserByEmail,
  getStaffUserById,
  getThrottle,
  isTwoFactorOn,
  recordSignIn,
  saveThrottle,
  type StaffUser,
} from "@/db/staff";
import { decoyHash, verifyPassword } from "./passwords";
import { readSignInTicket, signInTicket } from "./sealing";
import { checkSecondFactor, SecondFactorLockedError } from "./two-factor";

export class SignInLockedError extends Error {
  constructor(public retryAfterMs: number) {
    super("locked");
  }
}

/** Who signed in, how (the password alone, or with a code) and when: the session token keeps both (lib/auth/session-validity.ts). */
export type SignedIn = { id: number; email: string; name: string; method: SignInMethod; signedInAt: number };

/** When the account key is locked, how many ms remain; otherwise null. */
export async function signInLockRemaining(email: string): Promise<number | null> {
  const verdict = checkThrottle(await getThrottle(email.trim().toLowerCase()), Date.now());
  return verdict.locked ? verdict.retryAfterMs : null;
}

/**
 * Checks a staff member's email and password. Failures are counted per email: from the third one
 * answers are slowed, from the fifth the email is locked for a while. Every failure is audited.
 */
async function checkPassword(raw: unknown): Promise<StaffUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const now = Date.now();
  const verdict = checkThrottle(await getThrottle(email), now);
  if (verdict.locked) {
    await createAuditEntry({ actorId: null, actorLabel: email, action: "auth.sign-in", outcome: "denied", details: { reason: "locked" } });
    throw new SignInLockedError(verdict.retryAfterMs);
  }
  const user = await getStaffUserByEmail(email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (user && ok && user.active) {
    await clearThrottle(email);
    return user;
  }
  const { next, delayMs } = recordFailure(await getThrottle(email), now);
  await saveThrottle(email, next);
  await createAuditEntry({
    actorId: null,
    actorLabel: email,
    action: "auth.sign-in",
    outcome: "failed",
    details: { reason: user && ok ? "deactivated" : "bad-credentials", failures: next.failures },
  });
  if (delayMs) await sleep(delayMs);
  if (next.lockedUntil) throw new SignInLockedError(next.lockedUntil - now);
  return null;
}

async function completeSignIn(user: StaffUser, secondFactor: "totp" | "recovery" | null): Promise<SignedIn> {
  await recordSignIn(user.id);
  await createAuditEntry({
    actorId: user.id,
    actorLabel: user.email,
    action: "auth.sign-in",
    targetType: "staff_user",
    targetId: user.id,
    details: secondFactor ? { secondFactor } : {},
  });
  return { id: user.id, email: user.email, name: user.name, method: secondFactor ?? "password", signedInAt: Date.now() };
}

/**
 * The first step of the sign-in form: the password. Right, it gives a ticket for the second step
 * (lib/server/sealing.ts) and says whether that step needs a code; wrong, null.
 */
export async function passwordStep(raw: unknown): Promise<{ ticket: string; needsCode: boolean } | null> {
  const user = await checkPassword(raw);
  if (!user) return null;
  return { ticket: signInTicket(user.id, user.passwordHash), needsCode: await isTwoFactorOn(user.id) };
}

/**
 * Auth.js's credentials check. Either a ticket from the password step (with a code when the member
 * has a second factor on), or an email and password, which a member with a second factor can never
 * sign in with alone: calling the credentials endpoint without a code does not skip the code.
 */
export async function authorizeStaff(raw: unknown): Promise<SignedIn | null> {
  const fields = (raw ?? {}) as Record<string, unknown>;
  if (typeof fields.ticket === "string" && fields.ticket) {
    const ticket = readSignInTicket(fields.ticket);
    const user = ticket ? await getStaffUserById(ticket.userId) : undefined;
    if (!ticket || !user || !user.active || !ticket.matches(user.passwordHash)) return null;
    if (!(await isTwoFactorOn(user.id))) return completeSignIn(user, null);
    const code = typeof fields.code === "string" ? fields.code.slice(0, 40) : "";
    try {
      const check = await checkSecondFactor(user, code);
      return check.ok ? completeSignIn(user, check.method) : null;
    } catch (error) {
      if (error instanceof SecondFactorLockedError) throw new SignInLockedError(error.retryAfterMs);
      throw error;
    }
  }
  const user = await checkPassword(raw);
  if (!user) return null;
  if (await isTwoFactorOn(user.id)) {
    await createAuditEntry({
      actorId: user.id,
      actorLabel: user.email,
      action: "auth.sign-in",
      outcome: "denied",
      details: { reason: "second-factor-required" },
    });
    return null;
  }
  return completeSignIn(user, null);
}
