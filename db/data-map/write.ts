import { eq } from "drizzle-orm";
import type { BrandPrivacyInput, PurposeRecordInput, RecipientTransferInput } from "@/lib/data-map/schemas";
import { NotFoundError } from "@/lib/errors";
import type { Db } from "../connection";
import { appendAuditEntry } from "../staff/audit-chain";
import { brandPrivacy, brandSettings, purposeRecords, purposes, recipients, recipientTransfers } from "../schema";
import { readBrandPrivacy, readPurposeRecord, readRecipientTransfer } from "./read";

/** Who changes the data map: a staff member (or a script, id null), named in the audit log. */
export type DataMapActor = { id: number | null; email: string };

function inTransaction<T>(db: Db, write: () => T): T {
  const tx = db.$client.transaction(write);
  return db.$client.inTransaction ? tx() : tx.immediate();
}

function audit(db: Db, actor: DataMapActor, action: string, targetType: string, targetId: number, details: Record<string, unknown>) {
  appendAuditEntry(db, { actorId: actor.id, actorLabel: actor.email, action, targetType, targetId, details });
}

/** Saves what the record of processing says about a purpose; the audit entry holds the old and new values (no personal data). */
export function savePurposeRecord(db: Db, input: PurposeRecordInput, actor: DataMapActor): void {
  inTransaction(db, () => {
    if (!db.select({ id: purposes.id }).from(purposes).where(eq(purposes.id, input.purposeId)).get()) throw new NotFoundError("purpose");
    const before = readPurposeRecord(db, input.purposeId);
    const { purposeId, ...fields } = input;
    const values = { ...fields, updatedById: actor.id, updatedAt: new Date() };
    db.insert(purposeRecords)
      .values({ purposeId, ...values })
      .onConflictDoUpdate({ target: purposeRecords.purposeId, set: values })
      .run();
    audit(db, actor, "purpose.record", "purpose", purposeId, { before, after: fields });
  });
}

/** Saves a recipient's transfer abroad (or clears it with a blank safeguard); audited with the old and new values. */
export function saveRecipientTransfer(db: Db, input: RecipientTransferInput, actor: DataMapActor): void {
  inTransaction(db, () => {
    if (!db.select({ id: recipients.id }).from(recipients).where(eq(recipients.id, input.recipientId)).get())
      throw new NotFoundError("recipient");
    const before = readRecipientTransfer(db, input.recipientId);
    const { recipientId, ...fields } = input;
    const values = { ...fields, updatedById: actor.id, updatedAt: new Date() };
    db.insert(recipientTransfers)
      .values({ recipientId, ...values })
      .onConflictDoUpdate({ target: recipientTransfers.recipientId, set: values })
      .run();
    audit(db, actor, "recipient.transfer", "recipient", recipientId, { before, after: fields });
  });
}

/**
 * Saves the brand's controller facts; the DPO's email stays in brand_settings, where requests and notices read it.
 * The audit entry names the fields that changed (their values are staff and authority contacts, kept in the row).
 */
export function saveBrandPrivacy(db: Db, input: BrandPrivacyInput, actor: DataMapActor): void {
  inTransaction(db, () => {
    const settings = db.select({ dpoEmail: brandSettings.dpoEmail }).from(brandSettings).where(eq(brandSettings.id, 1)).get();
    if (!settings) throw new NotFoundError("brand");
    const before: Record<string, unknown> = { ...readBrandPrivacy(db), dpoEmail: settings.dpoEmail };
    const { dpoEmail, ...fields } = input;
    const values = { ...fields, updatedById: actor.id, updatedAt: new Date() };
    db.insert(brandPrivacy)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: brandPrivacy.id, set: values })
      .run();
    db.update(brandSettings).set({ dpoEmail, updatedAt: new Date() }).where(eq(brandSettings.id, 1)).run();
    const after: Record<string, unknown> = input;
    const changed = Object.keys(after).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
    audit(db, actor, "settings.controller", "brand", 1, { changed });
  });
}
