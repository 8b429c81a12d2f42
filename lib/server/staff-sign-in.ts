import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { signInSchema } from "@/lib/staff/schemas";
import { checkThrottle, recordFailure } from "@/lib/auth/throttle";
import { clearThrottle, createAuditEntry, getStaffUserByEmail, getThrottle, recordSignIn, saveThrottle } from "@/db/staff";
import { decoyHash, verifyPassword } from "./passwords";

export class SignInLockedError extends Error {
  constructor(public retryAfterMs: number) {
    super("locked");
  }
}

/** When the account key is locked, how many ms remain; otherwise null. */
export async function signInLockRemaining(email: string): Promise<number | null> {
  const verdict = checkThrottle(await getThrottle(email.trim().toLowerCase()), Date.now());
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
  const verdict = checkThrottle(await getThrottle(email), now);
  if (verdict.locked) {
    await createAuditEntry({ actorId: null, actorLabel: email, action: "auth.sign-in", outcome: "denied", details: { reason: "locked" } });
    throw new SignInLockedError(verdict.retryAfterMs);
  }
  const user = await getStaffUserByEmail(email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (user && ok && user.active) {
    await clearThrottle(email);
    await recordSignIn(user.id);
    await createAuditEntry({ actorId: user.id, actorLabel: email, action: "auth.sign-in", targetType: "staff_user", targetId: user.id });
    return { id: user.id, email: user.email, name: user.name };
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
