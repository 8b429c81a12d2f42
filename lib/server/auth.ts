import "server-only";
import { randomBytes } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { log } from "./log";
import type { SignInMethod } from "@/lib/auth/session-validity";
import { authSecret } from "./secret";
import { authorizeStaff, SignInLockedError } from "./staff-sign-in";
import { takeAddress } from "./rate-limits";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class LockedOut extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
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
    jwt({ token, user }) {
      // sid names this session, so the one a member changes two-step in can be kept (db/staff/sessions.ts).
      if (user?.id)
        Object.assign(token, {
          sub: user.id,
          method: user.method,
          signedInAt: user.signedInAt,
          sid: randomBytes(16).toString("base64url"),
        });
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { method: token.method, signedInAt: token.signedInAt, sid: token.sid });
    },
  },
});

declare module "next-auth" {
  interface User {
    method?: SignInMethod;
    signedInAt?: number;
  }
}
