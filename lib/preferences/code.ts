import { createHmac, randomInt } from "node:crypto";
import { z } from "zod";
import { safeEqual } from "./signed-token";

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;

/** A six-digit one-time code from a cryptographic source; leading zeros kept. */
export function generateCode(draw: (max: number) => number = (max) => randomInt(0, max)): string {
  return String(draw(1_000_000)).padStart(6, "0");
}

/** What is stored instead of the code: an HMAC under a server key, useless without it. */
export function hashCode(key: string | Buffer, code: string): string {
  return createHmac("sha256", key).update(`preferences-code:${code}`).digest("hex");
}

export function codeMatches(key: string | Buffer, code: string, hash: string): boolean {
  return safeEqual(hashCode(key, code), hash);
}

export type CodeRow = { attempts: number; maxAttempts: number; expiresAt: number; consumedAt: number | null };
export type CodeStatus = "usable" | "used" | "expired" | "locked";

/** Whether a stored code may still be tried: used, expired and locked codes never open anything. */
export function codeStatus(row: CodeRow, now: number): CodeStatus {
  if (row.consumedAt !== null) return "used";
  if (row.expiresAt <= now) return "expired";
  if (row.attempts >= row.maxAttempts) return "locked";
  return "usable";
}

/** The code as people type it: spaces and dashes are forgiven, anything else is not. */
export const codeInputSchema = z
  .string({ error: "code-format" })
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "code-format" }));
