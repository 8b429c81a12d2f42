import { createHmac, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/** RFC 6238 with the parameters every authenticator app reads: SHA-1, six digits, 30-second steps. */
export const TOTP_PERIOD_S = 30;
/** Codes from one step before or after are accepted too, for a phone's clock a little off. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const totp = (secret: string, label = "", issuer = "") =>
  new TOTP({ issuer, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_S, secret: Secret.fromBase32(secret) });

/** A new secret, 160 random bits in base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/** The code for the step holding `now` (tests and the enrolment form's help). */
export function totpCode(secret: string, now: number): string {
  return totp(secret).generate({ timestamp: now });
}

/** What a typed code is: six digits (spaces allowed), a recovery code, or neither. */
export type SecondFactorInput = { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "invalid" };

export function readSecondFactor(raw: string): SecondFactorInput {
  const compact = raw.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (/^[a-z2-9]{10}$/.test(compact)) return { kind: "recovery", code: compact };
  return { kind: "invalid" };
}

/**
 * The time step of a code that is right for `now` (within the window) and later than the last
 * step accepted, or null. A code once accepted is refused for the rest of its window, so one seen
 * over a shoulder or in a proxy log cannot be used again.
 */
export function matchTotp(secret: string, code: string, now: number, lastStep: number | null): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD_S) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

// No 0/1/o/i/l: read off paper without doubt.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten single-use codes like "k7p2m-x9qrt" (50 bits each), shown once. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/**
 * How a recovery code is stored: an HMAC-SHA-256 of its compact form under a key derived from the
 * server's secret (lib/server/sealing.ts). A plain hash of 50 random bits is found by brute force
 * from a copy of the database; without the key nothing can be tried offline.
 */
export function recoveryCodeHash(key: Buffer | string, code: string): string {
  return createHmac("sha256", key).update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");
}
