import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { log } from "./log";
import type { SignInMethod } from "@/lib/auth/session-validity";
import { readSessionRenewal, sessionRenewal } from "./sealing";
import { authSecret } from "./secret";
import { authorizeStaff, SignInLockedError } from "./staff-sign-in";
import { takeAddress } from "./rate-limits";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class LockedOut extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  // A wrong password is an expected outcome (audited, throttled), not an error worth a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error({ err: error }, "auth error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, ticket: {}, code: {} },
      async authorize(credentials, request) {
        // Per address, on top of the per-email throttle: one source cannot try many accounts quickly.
        if (!takeAddress("sign-in", request).ok) throw new LockedOut();
        try {
          const user = await authorizeStaff(credentials);
          if (!user) throw new InvalidCredentials();
          return { id: String(user.id), email: user.email, name: user.name, method: user.method, signedInAt: user.signedInAt };
        } catch (error) {
          if (error instanceof SignInLockedError) throw new LockedOut();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    // How and when the member signed in go into the token, so a session can be refused later (lib/auth/session-validity.ts).
    jwt({ token, user, trigger, session }) {
      if (user?.id) Object.assign(token, { sub: user.id, method: user.method, signedInAt: user.signedInAt });
      if (trigger === "update") {
        const renewal = readSessionRenewal((session as { renewal?: unknown } | undefined)?.renewal);
        if (renewal && String(renewal.userId) === token.sub) Object.assign(token, { method: renewal.method, signedInAt: renewal.at });
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { method: token.method, signedInAt: token.signedInAt });
    },
  },
});

declare module "next-auth" {
  interface User {
    method?: SignInMethod;
    signedInAt?: number;
  }
}

/**
 * Reissues the member's own session as one made now with a code, after they gave one to turn two-step
 * on or off: that change ends their sessions (db/staff/sessions.ts), all but the one in front of them.
 */
export async function renewOwnSession(userId: number, method: SignInMethod): Promise<void> {
  await unstable_update({ renewal: sessionRenewal(userId, method) } as Parameters<typeof unstable_update>[0]);
}
