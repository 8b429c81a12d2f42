import { desc } from "drizzle-orm";
import { entryHash, findChainBreak, GENESIS_HASH, type ChainBreak } from "@/lib/audit/chain";
import { auditLog, type AuditEntry } from "../schema";
import type { Db } from "../connection";

export type NewAuditEntry = {
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  outcome?: AuditEntry["outcome"];
  details?: Record<string, unknown>;
  at?: Date;
};

/**
 * Appends one entry, linked to the last. Runs in an IMMEDIATE transaction so
 * two writers never link to the same predecessor; when the caller is already
 * in a transaction it joins it (better-sqlite3 nests as a savepoint).
 */
export function appendAuditEntry(db: Db, entry: NewAuditEntry): AuditEntry {
  const write = db.$client.transaction(() => {
    const last = db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
    const fields = {
      id: (last?.id ?? 0) + 1,
      at: (entry.at ?? new Date()).getTime(),
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      outcome: entry.outcome ?? "ok",
      details: JSON.stringify(entry.details ?? {}),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = entryHash(prevHash, fields);
    return db
      .insert(auditLog)
      .values({ ...fields, at: new Date(fields.at), outcome: fields.outcome as AuditEntry["outcome"], prevHash, hash })
      .returning()
      .get();
  });
  return db.$client.inTransaction ? write() : write.immediate();
}

/** Walks the whole chain in id order; null when it is intact. */
export function verifyAuditChain(db: Db): { checked: number; broken: ChainBreak | null } {
  let checked = 0;
  const rows = db.$client
    .prepare(
      "SELECT id, at, actor_id AS actorId, actor_label AS actorLabel, action, target_type AS targetType, target_id AS targetId, outcome, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY id",
    )
    .iterate() as IterableIterator<Parameters<typeof findChainBreak>[0] extends Iterable<infer T> ? T : never>;
  const counted = (function* () {
    for (const row of rows) {
      checked++;
      yield row;
    }
  })();
  const broken = findChainBreak(counted);
  return { checked, broken };
}
