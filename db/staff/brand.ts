import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../client";
import { perConnection } from "../prepared";
import { appendAuditEntry } from "./audit-chain";
import { NotFoundError } from "@/lib/errors";
import type { Actor } from "./staff";
import { brandSettings, type BrandSettings } from "../schema";

/** The brand this installation serves (one row), or undefined before setup. */
// Every public page's layout reads it: built once per connection (db/prepared.ts).
const brandRow = perConnection((d) => d.select().from(brandSettings).where(eq(brandSettings.id, 1)).prepare());

export function getBrandSettings(): BrandSettings | undefined {
  return brandRow(db).get();
}

/** Changes the brand's request policy; the audit entry records the old and new values (no personal data in them). */
export function updateRequestPolicy(
  policy: { unverifiedCloseDays: number; appiTargetDays: number; verification: Record<string, string> },
  actor: Actor,
): void {
  db.$client
    .transaction(() => {
      const before = getBrandSettings();
      if (!before) throw new NotFoundError("brand");
      db.update(brandSettings)
        .set({
          unverifiedCloseDays: policy.unverifiedCloseDays,
          appiTargetDays: policy.appiTargetDays,
          requestVerification: policy.verification,
          updatedAt: new Date(),
        })
        .where(eq(brandSettings.id, 1))
        .run();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "settings.request-policy",
        targetType: "brand",
        targetId: 1,
        details: {
          before: {
            unverifiedCloseDays: before.unverifiedCloseDays,
            appiTargetDays: before.appiTargetDays,
            verification: before.requestVerification,
          },
          after: policy,
        },
      });
    })
    .immediate();
}

/** Changes the languages the brand addresses in each jurisdiction beyond the default; the audit entry records the old and new setting. */
export function updateNoticeLanguages(setting: Record<string, string[]>, actor: Actor): void {
  db.$client
    .transaction(() => {
      const before = getBrandSettings();
      if (!before) throw new NotFoundError("brand");
      db.update(brandSettings).set({ noticeLanguages: setting, updatedAt: new Date() }).where(eq(brandSettings.id, 1)).run();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "settings.notice-languages",
        targetType: "brand",
        targetId: 1,
        details: { before: before.noticeLanguages ?? null, after: setting },
      });
    })
    .immediate();
}

/** Changes the days a recipient has to confirm a propagated change before privacy operations lists it; audited with the old and new value. */
export function updateConfirmationLimit(days: number, actor: Actor): void {
  db.$client
    .transaction(() => {
      const before = getBrandSettings();
      if (!before) throw new NotFoundError("brand");
      db.update(brandSettings).set({ confirmationLimitDays: days, updatedAt: new Date() }).where(eq(brandSettings.id, 1)).run();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "settings.confirmation-limit",
        targetType: "brand",
        targetId: 1,
        details: { before: before.confirmationLimitDays, after: days },
      });
    })
    .immediate();
}

/** Whether privacy officers and administrators must sign in with a second factor (lib/auth/two-factor-policy.ts). */
export function updateTwoFactorRequirement(required: boolean, actor: Actor): void {
  db.$client
    .transaction(() => {
      const before = getBrandSettings();
      if (!before) throw new NotFoundError("brand");
      db.update(brandSettings).set({ requireTwoFactor: required, updatedAt: new Date() }).where(eq(brandSettings.id, 1)).run();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "settings.require-two-factor",
        targetType: "brand",
        targetId: 1,
        details: { before: before.requireTwoFactor, after: required },
      });
    })
    .immediate();
}

/** Changes k, below which consent figures are suppressed for everyone but privacy officers (issue 20); audited with the old and new value. */
export function updateSuppressionK(k: number, actor: Actor): void {
  db.$client
    .transaction(() => {
      const before = getBrandSettings();
      if (!before) throw new NotFoundError("brand");
      db.update(brandSettings).set({ suppressionK: k, updatedAt: new Date() }).where(eq(brandSettings.id, 1)).run();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "settings.suppression-k",
        targetType: "brand",
        targetId: 1,
        details: { before: before.suppressionK, after: k },
      });
    })
    .immediate();
}
