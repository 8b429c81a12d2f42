import { asc, isNull } from "drizzle-orm";
import { receiptSigningKeys, type ReceiptSigningKey } from "../schema";
import type { Db } from "../connection";
import { appendAuditEntry } from "../staff/audit-chain";

// Store functions that take the connection, so `npm run receipt-key` rotates in a store no server holds;
// the app calls them through ./keys-server.ts.

/** A key ready to store: its public half and its private half already sealed by the caller. */
export type NewReceiptKey = Pick<ReceiptSigningKey, "kid" | "publicJwk" | "sealedPrivateKey">;
/** Who rotates: a staff member, or the command line or the server itself (id null) with a label. */
export type ReceiptKeyActor = { id: number | null; email: string };
export type ReceiptKeyReason = "first-use" | "rotation" | "unreadable";

/** Every key, oldest first: the current one (retiredAt null) and the retired ones still published. */
export function listReceiptKeysIn(db: Db): ReceiptSigningKey[] {
  return db.select().from(receiptSigningKeys).orderBy(asc(receiptSigningKeys.createdAt), asc(receiptSigningKeys.id)).all();
}

/** The key that signs now, or undefined before the first receipt. */
export function currentReceiptKeyIn(db: Db): ReceiptSigningKey | undefined {
  return db.select().from(receiptSigningKeys).where(isNull(receiptSigningKeys.retiredAt)).get();
}

function insertKey(
  db: Db,
  key: NewReceiptKey,
  actor: ReceiptKeyActor,
  reason: ReceiptKeyReason,
  now: Date,
  retired: ReceiptSigningKey | undefined,
) {
  if (retired) db.update(receiptSigningKeys).set({ retiredAt: now }).where(isNull(receiptSigningKeys.retiredAt)).run();
  const row = db
    .insert(receiptSigningKeys)
    .values({ ...key, createdAt: now })
    .returning()
    .get();
  appendAuditEntry(db, {
    actorId: actor.id,
    actorLabel: actor.email,
    action: reason === "first-use" ? "receipt-key.create" : "receipt-key.rotate",
    targetType: "receipt_signing_key",
    targetId: row.kid,
    details: { reason, ...(retired ? { retiredKid: retired.kid } : {}) },
    at: now,
  });
  return row;
}

/**
 * The current key, storing `make()`'s key first when there is none yet (audited, once: two servers asking at
 * the same moment get the same key, since the check and the insert share one IMMEDIATE transaction).
 */
export function ensureReceiptKeyIn(db: Db, make: () => NewReceiptKey, actor: ReceiptKeyActor, now = new Date()): ReceiptSigningKey {
  return db.$client.transaction(() => currentReceiptKeyIn(db) ?? insertKey(db, make(), actor, "first-use", now, undefined)).immediate();
}

/**
 * Retires the current key (its public half stays published, so what it signed still verifies) and makes `key`
 * the one that signs; audited with both kids. With no key yet, `key` simply becomes the first.
 */
export function rotateReceiptKeyIn(
  db: Db,
  key: NewReceiptKey,
  actor: ReceiptKeyActor,
  reason: Exclude<ReceiptKeyReason, "first-use"> = "rotation",
  now = new Date(),
): ReceiptSigningKey {
  return db.$client
    .transaction(() => {
      const current = currentReceiptKeyIn(db);
      return insertKey(db, key, actor, current ? reason : "first-use", now, current);
    })
    .immediate();
}
