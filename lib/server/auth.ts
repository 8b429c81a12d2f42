import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { log } from "./log";
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
          return { id: String(user.id), email: user.email, name: user.name };
        } catch (error) {
          if (error instanceof SignInLockedError) throw new LockedOut();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
