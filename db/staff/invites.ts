import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "../client";
import { appendAuditEntry } from "./audit-chain";
import { getStaffUserByEmail, DuplicateEmailError, type Actor } from "./staff";
import { outbox, staffInvites, staffUsers, type StaffInvite, type StaffUser } from "../schema";
import type { Role } from "@/lib/auth/roles";
import { ConflictError, NotFoundError } from "@/lib/errors";

/** The invitation mail, already in the invitee's language; its link is a sealed-link marker (lib/outbox/sealed-links.ts). */
export type InviteMail = { subjectLine: string; body: string };
export type InviteLookup = { state: "valid"; invite: StaffInvite } | { state: "expired" | "used" | "revoked" | "unknown" };

const isPending = (i: StaffInvite) => !i.acceptedAt && !i.revokedAt;

const queueMail = (invite: StaffInvite, mail: InviteMail) =>
  db
    .insert(outbox)
    .values({ toAddress: invite.email, kind: "staff-invite", locale: invite.locale, ...mail, status: "pending" })
    .run();

export function getInvite(id: number): StaffInvite | undefined {
  return db.select().from(staffInvites).where(eq(staffInvites.id, id)).get();
}

/** Invitations neither accepted nor revoked, newest first, each saying whether its link has expired (it can be sent again). */
export function listPendingInvites(now = Date.now()): (StaffInvite & { expired: boolean })[] {
  return db
    .select()
    .from(staffInvites)
    .where(and(isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt)))
    .orderBy(desc(staffInvites.id))
    .all()
    .map((i) => ({ ...i, expired: i.expiresAt.getTime() <= now }));
}

/**
 * Invites someone by email: the invitation, its mail in the outbox and the audit entry in one
 * transaction. Refused when the address already has an account or an invitation waiting.
 */
export function createInvite(
  input: { email: string; name: string; role: Role; locale: string; tokenHash: string; expiresAt: Date },
  mail: (invite: StaffInvite) => InviteMail,
  actor: Actor,
): StaffInvite {
  return db.$client
    .transaction(() => {
      const email = input.email.toLowerCase();
      if (getStaffUserByEmail(email)) throw new DuplicateEmailError();
      const waiting = db
        .select()
        .from(staffInvites)
        .where(and(eq(staffInvites.email, email), isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt)))
        .get();
      if (waiting) throw new ConflictError("invite-pending");
      const invite = db
        .insert(staffInvites)
        .values({ ...input, email, invitedById: actor.id, sentAt: new Date() })
        .returning()
        .get();
      queueMail(invite, mail(invite));
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "staff.invite",
        targetType: "staff_invite",
        targetId: invite.id,
        details: { email, role: invite.role, expiresAt: invite.expiresAt.toISOString() },
      });
      return invite;
    })
    .immediate();
}

/** Sends a waiting invitation again with a new link and a new expiry; the earlier link stops working. */
export function resendInvite(
  id: number,
  next: { tokenHash: string; expiresAt: Date },
  mail: (invite: StaffInvite) => InviteMail,
  actor: Actor,
): StaffInvite {
  return db.$client
    .transaction(() => {
      const before = getInvite(id);
      if (!before) throw new NotFoundError(String(id));
      if (!isPending(before)) throw new ConflictError("invite-closed");
      const invite = db
        .update(staffInvites)
        .set({ ...next, sentAt: new Date() })
        .where(eq(staffInvites.id, id))
        .returning()
        .get();
      queueMail(invite, mail(invite));
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "staff.invite-resend",
        targetType: "staff_invite",
        targetId: id,
        details: { email: invite.email, expiresAt: invite.expiresAt.toISOString() },
      });
      return invite;
    })
    .immediate();
}

export function revokeInvite(id: number, actor: Actor): void {
  db.$client
    .transaction(() => {
      const before = getInvite(id);
      if (!before) throw new NotFoundError(String(id));
      if (!isPending(before)) throw new ConflictError("invite-closed");
      db.update(staffInvites).set({ revokedAt: new Date() }).where(eq(staffInvites.id, id)).run();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "staff.invite-revoke",
        targetType: "staff_invite",
        targetId: id,
        details: { email: before.email },
      });
    })
    .immediate();
}

/** What a link's token leads to: a valid invitation, or why not. */
export function findInviteByToken(tokenHash: string, now = Date.now()): InviteLookup {
  const invite = db.select().from(staffInvites).where(eq(staffInvites.tokenHash, tokenHash)).get();
  if (!invite) return { state: "unknown" };
  if (invite.acceptedAt) return { state: "used" };
  if (invite.revokedAt) return { state: "revoked" };
  if (invite.expiresAt.getTime() <= now) return { state: "expired" };
  return { state: "valid", invite };
}

/**
 * The invitee's account, with the password they chose, created once: the invitation is marked
 * accepted in the same transaction, so a second use of the link (or two at once) creates nothing.
 */
export function acceptInvite(tokenHash: string, passwordHash: string, now = Date.now()): StaffUser {
  return db.$client
    .transaction(() => {
      const found = findInviteByToken(tokenHash, now);
      if (found.state !== "valid") throw new ConflictError(`invite-${found.state}`);
      const { invite } = found;
      if (getStaffUserByEmail(invite.email)) throw new ConflictError("invite-email-taken");
      const user = db
        .insert(staffUsers)
        .values({ name: invite.name, email: invite.email, role: invite.role, locale: invite.locale, passwordHash })
        .returning()
        .get();
      db.update(staffInvites)
        .set({ acceptedAt: new Date(now), staffUserId: user.id })
        .where(eq(staffInvites.id, invite.id))
        .run();
      appendAuditEntry(db, {
        actorId: user.id,
        actorLabel: user.email,
        action: "staff.invite-accept",
        targetType: "staff_user",
        targetId: user.id,
        details: { invite: invite.id, role: user.role, invitedBy: invite.invitedById },
      });
      return user;
    })
    .immediate();
}
