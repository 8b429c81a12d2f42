/** How a staff session was opened: the password alone, or the password and a code (from the app or a recovery code). */
export const signInMethods = ["password", "totp", "recovery"] as const;
export type SignInMethod = (typeof signInMethods)[number];

export const isSignInMethod = (value: unknown): value is SignInMethod => signInMethods.includes(value as SignInMethod);

/** What a session token says of its sign-in (Auth.js's JWT, lib/server/auth.ts). */
export type SessionProof = { method?: unknown; signedInAt?: unknown; sid?: unknown };
/** What the store says of the member now. */
export type SessionMember = { twoFactorOn: boolean; sessionsValidAfter: Date | null; keptSessionId?: string | null };

/**
 * Whether a session still stands. A token that does not say how and when it was made is refused; so is
 * one made before the member's sessions were ended (two-step turned on, off or reset, the password
 * changed), and a password-only one while the member has two-step on: a session taken with a stolen
 * password does not outlive the victim turning two-step on. The member who turns it on or off
 * themself, giving a code, keeps the session they did it in (`keptSessionId`).
 */
export function sessionHolds(token: SessionProof, member: SessionMember): boolean {
  const at = token.signedInAt;
  if (!isSignInMethod(token.method) || typeof at !== "number" || !Number.isFinite(at)) return false;
  if (member.keptSessionId && typeof token.sid === "string" && token.sid === member.keptSessionId) return true;
  if (member.sessionsValidAfter && at < member.sessionsValidAfter.getTime()) return false;
  return !(member.twoFactorOn && token.method === "password");
}
