import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { signToken, verifyToken } from "@/lib/preferences/signed-token";
import { CODE_TTL_MS } from "@/lib/preferences/code";
import { isLocale, localeCookie } from "@/lib/i18n/config";
import { getSubjectByUid, type Subject } from "@/db/consent";
import { publicBaseUrl } from "./base-url";
import { preferencesKey } from "./preferences-secrets";

export const SESSION_TTL_MS = 30 * 60_000;
const SESSION_COOKIE = "candor_preferences";
const PENDING_COOKIE = "candor_preferences_code";

// Scoped to the preference center so the cookies travel nowhere else.
async function cookieOptions(maxAgeMs: number) {
  const secure = (await publicBaseUrl()).startsWith("https:");
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/preferences", maxAge: Math.floor(maxAgeMs / 1000) };
}

/** The subject whose preference center this browser has open, read once per request; null when none or expired. */
export const getPreferencesSubject = cache(async (): Promise<Subject | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const payload = verifyToken(token, "session", preferencesKey("session"), Date.now());
  if (!payload || typeof payload.sid !== "string") return null;
  return (await getSubjectByUid(payload.sid)) ?? null;
});

/** Opens a session for the subject; the cookie carries only their public uid and an expiry. */
export async function startPreferencesSession(subject: Subject): Promise<void> {
  const jar = await cookies();
  const exp = Date.now() + SESSION_TTL_MS;
  jar.set(
    SESSION_COOKIE,
    signToken({ typ: "session", sid: subject.uid, exp }, preferencesKey("session")),
    await cookieOptions(SESSION_TTL_MS),
  );
  jar.delete({ name: PENDING_COOKIE, path: "/preferences" });
  // The subject told the brand their language; use it unless this browser already chose one.
  if (!jar.get(localeCookie) && isLocale(subject.locale))
    jar.set(localeCookie, subject.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}

export async function endPreferencesSession(): Promise<void> {
  const jar = await cookies();
  jar.delete({ name: SESSION_COOKIE, path: "/preferences" });
  jar.delete({ name: PENDING_COOKIE, path: "/preferences" });
}

/** Remembers which code this browser is waiting for, by row id only: no email, no subject. */
export async function setPendingCode(codeId: number): Promise<void> {
  const token = signToken({ typ: "pending", cid: codeId, exp: Date.now() + CODE_TTL_MS }, preferencesKey("session"));
  (await cookies()).set(PENDING_COOKIE, token, await cookieOptions(CODE_TTL_MS));
}

export async function getPendingCodeId(): Promise<number | null> {
  const payload = verifyToken((await cookies()).get(PENDING_COOKIE)?.value, "pending", preferencesKey("session"), Date.now());
  return payload && typeof payload.cid === "number" ? payload.cid : null;
}

export async function clearPendingCode(): Promise<void> {
  (await cookies()).delete({ name: PENDING_COOKIE, path: "/preferences" });
}
