import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The signed link to a request's status page (issue 17): the request's reference, when the link
 * stops working (seconds since the epoch) and an HMAC-SHA256 of both under a key derived from the
 * app's secret, so nobody can make a link to a request they were not sent, nor stretch one's life.
 * The reference is no secret (the person quotes it in every reply); the signature is.
 */
export type StatusTokenCheck = { ok: true; ref: string; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" };

const REF = /^REQ-\d{4}-\d{5,}$/;

const mac = (key: Buffer, ref: string, exp: number) =>
  createHmac("sha256", key).update(`request-status:v1:${ref}:${exp}`).digest("base64url");

/** A token for the request's status page, good until `expiresAt`. */
export function signStatusToken(key: Buffer, ref: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${ref}.${exp}.${mac(key, ref, exp)}`;
}

/** Which request a token opens; a token not signed with this key, altered or malformed is "invalid", an old one "expired". */
export function readStatusToken(key: Buffer, token: string, now = new Date()): StatusTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "invalid" };
  const [ref, expText, given] = parts;
  if (!REF.test(ref) || !/^\d{1,12}$/.test(expText)) return { ok: false, reason: "invalid" };
  const exp = Number(expText);
  const expected = Buffer.from(mac(key, ref, exp));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: "invalid" };
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, ref, expiresAt: new Date(exp * 1000) };
}

/**
 * How long a status link works: the request record's retention (24 months, counted from its close,
 * db/ops/retention.ts) plus the six months a request may stay open at the longest (GDPR's one month
 * and two of extension, with margin), so the link outlives the record it shows.
 */
export function statusLinkExpiry(issuedAt: Date, retentionMonths: number): Date {
  const end = new Date(issuedAt.getTime());
  end.setUTCMonth(end.getUTCMonth() + retentionMonths + 6);
  return end;
}
