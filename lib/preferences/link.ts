import { z } from "zod";
import { hmacBase64url, safeEqual } from "./signed-token";

/** The longest a brand may make a link valid for; a long-lived link is a standing key to someone's choices. */
export const LINK_MAX_LIFETIME_S = 30 * 86_400;

/** The string the brand's site signs: the subject id and the expiry, joined by a dot. */
export function linkSignature(secret: string, sid: string, exp: number): string {
  return hmacBase64url(secret, `${sid}.${exp}`);
}

/** A ready-to-send link into the preference center, valid until `exp` (unix seconds). */
export function buildPreferencesLink(baseUrl: string, secret: string, sid: string, exp: number): string {
  const q = new URLSearchParams({ sid, exp: String(exp), sig: linkSignature(secret, sid, exp) });
  return `${baseUrl.replace(/\/$/, "")}/preferences/link?${q}`;
}

const linkQuerySchema = z.object({
  sid: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  exp: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

export type LinkVerdict = { ok: true; sid: string; exp: number } | { ok: false; reason: "malformed" | "forged" | "expired" | "too-long" };

/**
 * Checks a signed link's query. The signature is checked before anything
 * about the expiry is said, so a forger learns nothing from the answer.
 */
export function verifyPreferencesLink(query: Record<string, string | undefined>, secret: string, nowMs: number): LinkVerdict {
  const parsed = linkQuerySchema.safeParse(query);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { sid, exp, sig } = parsed.data;
  if (!safeEqual(sig, linkSignature(secret, sid, exp))) return { ok: false, reason: "forged" };
  const now = Math.floor(nowMs / 1000);
  if (exp <= now) return { ok: false, reason: "expired" };
  if (exp - now > LINK_MAX_LIFETIME_S) return { ok: false, reason: "too-long" };
  return { ok: true, sid, exp };
}
