import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "../client";
import { appendAuditEntry } from "./audit-chain";
import { closePendingDigest } from "../notifications/digest";
import { staffUsers, type StaffUser } from "../schema";
import type { Role } from "@/lib/auth/roles";
import { ConflictError, DuplicateError, NotFoundError } from "@/lib/errors";

export type Actor = { id: number; email: string };

export function getStaffUserById(id: number): StaffUser | undefined {
  return db.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
}

export function getStaffUserByEmail(email: string): StaffUser | undefined {
  return db.select().from(staffUsers).where(eq(staffUsers.email, email.toLowerCase())).get();
}

export function listStaffUsers(): StaffUser[] {
  return db.select().from(staffUsers).orderBy(asc(staffUsers.name)).all();
}

export { NotFoundError };
export class DuplicateEmailError extends DuplicateError {
  constructor() {
    super("email");
  }
}
export class SelfChangeError extends ConflictError {
  constructor() {
    super("self-change");
  }
}

/** Creates a staff account and logs it, in one transaction. */
export function createStaffUser(input: { name: string; email: string; role: Role; passwordHash: string }, actor: Actor): StaffUser {
  return db.$client
    .transaction(() => {
      if (getStaffUserByEmail(input.email)) throw new DuplicateEmailError();
      const user = db
        .insert(staffUsers)
        .values({ ...input, email: input.email.toLowerCase() })
        .returning()
        .get();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "staff.create",
        targetType: "staff_user",
        targetId: user.id,
        details: { email: user.email, role: user.role },
      });
      return user;
    })
    .immediate();
}

/** Changes a colleague's role; nobody changes their own. */
export function changeStaffRole(userId: number, role: Role, actor: Actor): StaffUser {
  return db.$client
    .transaction(() => {
      const before = getStaffUserById(userId);
      if (!before) throw new NotFoundError(String(userId));
      if (before.id === actor.id) throw new SelfChangeError();
      const user = db.update(staffUsers).set({ role, updatedAt: new Date() }).where(eq(staffUsers.id, userId)).returning().get();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "staff.change-role",
        targetType: "staff_user",
        targetId: userId,
        details: { email: user.email, from: before.role, to: role },
      });
      return user;
    })
    .immediate();
}

/** Deactivates or reactivates an account; a deactivated user's session stops at its next request. */
export function setStaffActive(userId: number, active: boolean, actor: Actor): StaffUser {
  return db.$client
    .transaction(() => {
      const before = getStaffUserById(userId);
      if (!before) throw new NotFoundError(String(userId));
      if (before.id === actor.id) throw new SelfChangeError();
      const user = db
        .update(staffUsers)
        .set({ active, deactivatedAt: active ? null : new Date(), updatedAt: new Date() })
        .where(eq(staffUsers.id, userId))
        .returning()
        .get();
      // Nothing waits in a digest for someone who is gone; reactivated, they hear of what happens from then on.
      if (!active) closePendingDigest(db, userId);
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: active ? "staff.reactivate" : "staff.deactivate",
        targetType: "staff_user",
        targetId: userId,
        details: { email: user.email },
      });
      return user;
    })
    .immediate();
}

export function recordSignIn(userId: number): void {
  db.update(staffUsers).set({ lastSignInAt: new Date() }).where(eq(staffUsers.id, userId)).run();
}
