import type { Db } from "../connection";
import { appendAuditEntry, type NewAuditEntry } from "../staff/audit-chain";

/** Appends entries to the hash-chained audit log in the order given, in one transaction. */
export function appendAuditEntries(db: Db, entries: readonly NewAuditEntry[]): number {
  db.$client.transaction(() => {
    for (const e of entries) appendAuditEntry(db, e);
  })();
  return entries.length;
}
