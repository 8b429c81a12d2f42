import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { signInSchema } from "@/lib/staff/schemas";
import { checkThrottle, recordFailure } from "@/lib/auth/throttle";
import { getStaffUserByEmail, recordSignIn } from "@/db/staff/staff";
import { clearThrottle, getThrottle, saveThrottle } from "@/db/staff/sign-in-throttles";
import { createAuditEntry } from "@/db/staff/audit";
import { decoyHash, verifyPassword } from "./passwords";

export class SignInLockedError extends Error {
  constructor(public retryAfterMs: number) {
    super("locked");
  }
}

/** When the account key is locked, how many ms remain; otherwise null. */
export function signInLockRemaining(email: string): number | null {
  const verdict = checkThrottle(getThrottle(email.trim().toLowerCase()), Date.now());
  return verdict.locked ? verdict.retryAfterMs : null;
}

/**
 * Checks a staff member's email and password. Failures are counted per
 * email: from the third one answers are slowed, from the fifth the email is
 * locked for a while. Every outcome is audited.
 */
export async function authorizeStaff(raw: unknown): Promise<{ id: number; email: string; name: string } | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const now = Date.now();
  const verdict = checkThrottle(getThrottle(email), now);
  if (verdict.locked) {
    createAuditEntry({ actorId: null, actorLabel: email, action: "auth.sign-in", outcome: "denied", details: { reason: "locked" } });
    throw new SignInLockedError(verdict.retryAfterMs);
  }
  const user = getStaffUserByEmail(email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (user && ok && user.active) {
    clearThrottle(email);
    recordSignIn(user.id);
    createAuditEntry({ actorId: user.id, actorLabel: email, action: "auth.sign-in", targetType: "staff_user", targetId: user.id });
    return { id: user.id, email: user.email, name: user.name };
  }
  const { next, delayMs } = recordFailure(getThrottle(email), now);
  saveThrottle(email, next);
  createAuditEntry({
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
