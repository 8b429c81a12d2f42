import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "../client";
import { appendAuditEntry } from "./audit-chain";
import { staffRecoveryCodes, staffTwoFactor, type StaffTwoFactor } from "../schema";
import { ConflictError } from "@/lib/errors";
import { SelfChangeError, type Actor } from "./staff";
import { endSessions } from "./sessions";

/** The member's second factor, confirmed or still being set up; undefined when there is none. */
export function getTwoFactor(userId: number): StaffTwoFactor | undefined {
  return db.select().from(staffTwoFactor).where(eq(staffTwoFactor.staffUserId, userId)).get();
}

export function isTwoFactorOn(userId: number): boolean {
  return Boolean(getTwoFactor(userId)?.enabledAt);
}

export function countRecoveryCodesLeft(userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(staffRecoveryCodes)
      .where(and(eq(staffRecoveryCodes.staffUserId, userId), isNull(staffRecoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

/** Starts (or restarts) setting up a second factor with a new sealed secret; refused while one is on. */
export function beginTwoFactor(userId: number, sealedSecret: string): void {
  db.$client
    .transaction(() => {
      if (getTwoFactor(userId)?.enabledAt) throw new ConflictError("two-factor-on");
      db.delete(staffTwoFactor).where(eq(staffTwoFactor.staffUserId, userId)).run();
      db.insert(staffTwoFactor).values({ staffUserId: userId, secret: sealedSecret }).run();
    })
    .immediate();
}

const replaceRecoveryCodes = (userId: number, hashes: string[]) => {
  db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, userId)).run();
  if (hashes.length)
    db.insert(staffRecoveryCodes)
      .values(hashes.map((codeHash) => ({ staffUserId: userId, codeHash })))
      .run();
};

/** Turns the factor on once a code from it was right (`step`, so that code is not accepted again), with a new set of recovery codes. */
export function enableTwoFactor(
  userId: number,
  step: number,
  recoveryHashes: string[],
  actor: Actor,
  keepSession: string | null = null,
): void {
  db.$client
    .transaction(() => {
      const row = getTwoFactor(userId);
      if (!row) throw new ConflictError("two-factor-not-started");
      if (row.enabledAt) throw new ConflictError("two-factor-on");
      const now = new Date();
      db.update(staffTwoFactor).set({ enabledAt: now, lastStep: step }).where(eq(staffTwoFactor.staffUserId, userId)).run();
      // Sessions opened with the password alone, perhaps a stolen one, end here; the one the code was given in goes on.
      endSessions(userId, now, keepSession);
      replaceRecoveryCodes(userId, recoveryHashes);
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "staff.two-factor.enable",
        targetType: "staff_user",
        targetId: userId,
        details: { recoveryCodes: recoveryHashes.length },
      });
    })
    .immediate();
}

/** Records `step` as the last code accepted; false when it (or a later one) was accepted already. */
export function acceptTotpStep(userId: number, step: number): boolean {
  return (
    db.$client
      .prepare(
        "UPDATE staff_two_factor SET last_step = ? WHERE staff_user_id = ? AND enabled_at IS NOT NULL AND (last_step IS NULL OR last_step < ?)",
      )
      .run(step, userId, step).changes === 1
  );
}

/** Uses up an unused recovery code; the codes left, or null when the code is not one of the member's unused ones. */
export function spendRecoveryCode(userId: number, codeHash: string, actor: Actor): number | null {
  return db.$client
    .transaction(() => {
      const used = db.$client
        .prepare("UPDATE staff_recovery_codes SET used_at = ? WHERE staff_user_id = ? AND code_hash = ? AND used_at IS NULL")
        .run(Date.now(), userId, codeHash).changes;
      if (used !== 1) return null;
      const left = countRecoveryCodesLeft(userId);
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "staff.two-factor.recovery-code-used",
        targetType: "staff_user",
        targetId: userId,
        details: { left },
      });
      return left;
    })
    .immediate();
}

/** A new set of recovery codes; the old ones stop working. */
export function renewRecoveryCodes(userId: number, recoveryHashes: string[], actor: Actor): void {
  db.$client
    .transaction(() => {
      if (!getTwoFactor(userId)?.enabledAt) throw new ConflictError("two-factor-off");
      replaceRecoveryCodes(userId, recoveryHashes);
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "staff.two-factor.recovery-codes-renewed",
        targetType: "staff_user",
        targetId: userId,
        details: { recoveryCodes: recoveryHashes.length },
      });
    })
    .immediate();
}

/**
 * Removes the member's second factor and recovery codes: the member themself (after a current code)
 * or an administrator resetting a colleague who lost their phone. Either way it is audited.
 */
export function removeTwoFactor(userId: number, actor: Actor, how: "self" | "admin-reset", keepSession: string | null = null): void {
  // An administrator resets colleagues only: their own factor goes off with a code, like everyone's.
  if (how === "admin-reset" && userId === actor.id) throw new SelfChangeError();
  db.$client
    .transaction(() => {
      const row = getTwoFactor(userId);
      db.delete(staffTwoFactor).where(eq(staffTwoFactor.staffUserId, userId)).run();
      replaceRecoveryCodes(userId, []);
      if (!row?.enabledAt) return;
      endSessions(userId, new Date(), how === "self" ? keepSession : null);
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: how === "self" ? "staff.two-factor.disable" : "staff.two-factor.reset",
        targetType: "staff_user",
        targetId: userId,
        details: {},
      });
    })
    .immediate();
}

/** The members with a second factor on (the staff list shows who has one). */
export function listTwoFactorUsers(): Set<number> {
  return new Set(
    db
      .select({ id: staffTwoFactor.staffUserId, on: staffTwoFactor.enabledAt })
      .from(staffTwoFactor)
      .all()
      .filter((r) => r.on)
      .map((r) => r.id),
  );
}

/** Abandons a set-up not yet confirmed; a factor that is on is left alone (turning it off needs a code). */
export function cancelTwoFactorSetup(userId: number): void {
  db.$client.prepare("DELETE FROM staff_two_factor WHERE staff_user_id = ? AND enabled_at IS NULL").run(userId);
}
