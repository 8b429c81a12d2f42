import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey, seal, unseal } from "@/lib/security/seal";
import { recoveryCodeHash } from "@/lib/auth/totp";
import { authSecret } from "./secret";

// Keys derived from the server's secret (lib/server/secret.ts), one per use, so the database file alone
// (a backup, a copied file) gives neither the TOTP secrets nor the invitation links nor a way to forge a
// sign-in ticket. Rotating AUTH_SECRET voids them all (members set up their second factor again).
const key = (purpose: string) => derivedKey(authSecret(), purpose);

/** A TOTP secret or a one-time link, encrypted for the store (AES-256-GCM). */
export function sealSecret(plain: string): string {
  return seal(key("stored-secret"), plain);
}

/** The secret back; throws when the text was changed or sealed under another server secret. */
export function openSecret(sealed: string): string {
  return unseal(key("stored-secret"), sealed);
}

/** How a recovery code is stored (lib/auth/totp.ts), under the server's own key. */
export const storedRecoveryCode = (code: string): string => recoveryCodeHash(key("recovery-code"), code);

const TICKET_MS = 5 * 60_000;
const mac = (body: string) => createHmac("sha256", key("sign-in-ticket")).update(body).digest("base64url");
const fingerprint = (passwordHash: string) => createHmac("sha256", passwordHash).update("ticket").digest("base64url").slice(0, 16);

/**
 * Proof, for five minutes, that this member's password was right: the second step of a sign-in
 * carries it with the code, so the password is not sent (or kept in the page) twice. Bound to the
 * password hash, so a password change voids it.
 */
export function signInTicket(userId: number, passwordHash: string, now = Date.now()): string {
  const body = `${userId}.${now + TICKET_MS}.${fingerprint(passwordHash)}`;
  return `${body}.${mac(body)}`;
}

/** The member a ticket names while it is valid and their password unchanged, or null. */
export function readSignInTicket(ticket: string, now = Date.now()): { userId: number; matches: (passwordHash: string) => boolean } | null {
  const parts = ticket.split(".");
  if (parts.length !== 4) return null;
  const body = parts.slice(0, 3).join(".");
  const given = Buffer.from(parts[3]);
  const want = Buffer.from(mac(body));
  if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
  const userId = Number(parts[0]);
  if (!Number.isInteger(userId) || userId <= 0 || !(Number(parts[1]) >= now)) return null;
  return { userId, matches: (passwordHash) => fingerprint(passwordHash) === parts[2] };
}
