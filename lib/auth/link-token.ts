import { createHash, randomBytes } from "node:crypto";

/** A one-time link's token (256 random bits, URL-safe) and the SHA-256 that is all the store keeps of it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: linkTokenHash(token) };
}

export function linkTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string can be a token at all (checked before the store is asked). */
export function isLinkToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
