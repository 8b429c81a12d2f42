import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import QRCode from "qrcode";
import { checkThrottle, recordFailure } from "@/lib/auth/throttle";
import { matchTotp, newRecoveryCodes, newTotpSecret, readSecondFactor, totpUri } from "@/lib/auth/totp";
import { mustEnrolTwoFactor } from "@/lib/auth/two-factor-policy";
import type { Role } from "@/lib/auth/roles";
import {
  acceptTotpStep,
  beginTwoFactor,
  clearThrottle,
  createAuditEntry,
  enableTwoFactor,
  getBrandSettings,
  getThrottle,
  getTwoFactor,
  saveThrottle,
  spendRecoveryCode,
  type Actor,
} from "@/db/staff";
import { openSecret, sealSecret, storedRecoveryCode } from "./sealing";

export class SecondFactorLockedError extends Error {
  constructor(public retryAfterMs: number) {
    super("locked");
  }
}

// Codes are throttled like passwords (lib/auth/throttle.ts), on a key of their own per member.
const throttleKey = (userId: number) => `2fa:${userId}`;

export type CodeCheck = { ok: true; method: "totp" | "recovery"; step?: number } | { ok: false };

/**
 * Checks a code (six digits from the app, or a recovery code) for a member: slowed from the third
 * wrong one, locked for a while from the fifth, every failure audited. A TOTP code is accepted once
 * (its step is recorded); a recovery code is used up. `enrolling` checks against a factor not yet on.
 */
export async function checkSecondFactor(user: Actor, raw: string, options: { enrolling?: boolean } = {}): Promise<CodeCheck> {
  const key = throttleKey(user.id);
  const now = Date.now();
  const verdict = checkThrottle(await getThrottle(key), now);
  if (verdict.locked) {
    await createAuditEntry({
      actorId: user.id,
      actorLabel: user.email,
      action: "auth.two-factor",
      outcome: "denied",
      details: { reason: "locked" },
    });
    throw new SecondFactorLockedError(verdict.retryAfterMs);
  }
  const row = await getTwoFactor(user.id);
  const input = readSecondFactor(raw);
  let result: CodeCheck = { ok: false };
  if (row && Boolean(row.enabledAt) !== Boolean(options.enrolling)) {
    if (input.kind === "totp") {
      const step = matchTotp(openSecret(row.secret), input.code, now, row.lastStep);
      if (step !== null && (options.enrolling || (await acceptTotpStep(user.id, step)))) result = { ok: true, method: "totp", step };
    } else if (input.kind === "recovery" && !options.enrolling) {
      if ((await spendRecoveryCode(user.id, storedRecoveryCode(input.code), user)) !== null) result = { ok: true, method: "recovery" };
    }
  }
  if (result.ok) {
    await clearThrottle(key);
    return result;
  }
  const { next, delayMs } = recordFailure(await getThrottle(key), now);
  await saveThrottle(key, next);
  await createAuditEntry({
    actorId: user.id,
    actorLabel: user.email,
    action: "auth.two-factor",
    outcome: "failed",
    details: {
      reason: input.kind === "invalid" ? "malformed" : "wrong-code",
      failures: next.failures,
      enrolling: Boolean(options.enrolling),
    },
  });
  if (delayMs) await sleep(delayMs);
  if (next.lockedUntil) throw new SecondFactorLockedError(next.lockedUntil - now);
  return { ok: false };
}

export type Enrolment = { secret: string; uri: string; qrSvg: string };

/** A new secret for the member (kept sealed until confirmed), with its QR code drawn here as SVG: nothing is fetched from elsewhere. */
export async function startEnrolment(user: Actor, issuer: string): Promise<Enrolment> {
  const secret = newTotpSecret();
  await beginTwoFactor(user.id, sealSecret(secret));
  const uri = totpUri(secret, user.email, issuer);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

/** The pending secret again (the page reloaded before the code was entered), or null. */
export async function pendingEnrolment(user: Actor, issuer: string): Promise<Enrolment | null> {
  const row = await getTwoFactor(user.id);
  if (!row || row.enabledAt) return null;
  const secret = openSecret(row.secret);
  const uri = totpUri(secret, user.email, issuer);
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) };
}

/** Turns the factor on after a right code; the recovery codes, returned once, are stored only hashed. */
export async function confirmEnrolment(user: Actor & { sessionId?: string }, code: string): Promise<string[] | null> {
  const check = await checkSecondFactor(user, code, { enrolling: true });
  if (!check.ok || check.step === undefined) return null;
  const codes = newRecoveryCodes();
  await enableTwoFactor(user.id, check.step, codes.map(storedRecoveryCode), user, user.sessionId ?? null);
  return codes;
}

/** Whether the brand obliges this member to set up a second factor before anything else. */
export async function mustEnrol(user: { id: number; role: Role; twoFactorOn?: boolean }): Promise<boolean> {
  const required = Boolean((await getBrandSettings())?.requireTwoFactor);
  // Asked on every staff request: the member's factor is read only when the rule could apply to them.
  if (!mustEnrolTwoFactor(user.role, required, false)) return false;
  const on = user.twoFactorOn ?? Boolean((await getTwoFactor(user.id))?.enabledAt);
  return mustEnrolTwoFactor(user.role, required, on);
}
