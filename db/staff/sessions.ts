import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { staffTwoFactor, staffUsers, type StaffUser } from "../schema";

/** The member a session names with whether their second factor is on: one read, both tables by primary key. */
export function getSessionMember(id: number): (StaffUser & { twoFactorOn: boolean }) | undefined {
  const row = db
    .select({ user: staffUsers, enabledAt: staffTwoFactor.enabledAt })
    .from(staffUsers)
    .leftJoin(staffTwoFactor, eq(staffTwoFactor.staffUserId, staffUsers.id))
    .where(eq(staffUsers.id, id))
    .get();
  return row ? { ...row.user, twoFactorOn: Boolean(row.enabledAt) } : undefined;
}

/**
 * Ends every session of the member made before `at` (lib/auth/session-validity.ts) but `keep`, the one
 * the member did it in themself with a code; runs inside the caller's transaction.
 */
export function endSessions(userId: number, at = new Date(), keep: string | null = null): void {
  db.update(staffUsers).set({ sessionsValidAfter: at, keptSessionId: keep }).where(eq(staffUsers.id, userId)).run();
}
