import type { RecipientRole } from "@/lib/purposes/vocabulary";
import type { Db } from "../connection";

export type TestRecipient = { name: string; role: RecipientRole; purposes: readonly string[] };

/**
 * Adds recipients to a test store and links each to the purposes (by key) that send it data, as the data
 * map does. Returns each recipient's id by name. The link's legacy copy of name, country and role is filled
 * while purpose_recipients still has those columns.
 */
export function linkTestRecipients(db: Db, recipients: readonly TestRecipient[]): Record<string, number> {
  const sql = db.$client;
  const legacy = (sql.prepare("PRAGMA table_info(purpose_recipients)").all() as { name: string }[]).some((c) => c.name === "role");
  const purposeId = sql.prepare("SELECT id FROM purposes WHERE key = ? ORDER BY id DESC LIMIT 1").pluck();
  const insertRecipient = sql
    .prepare("INSERT INTO recipients (name, role, country, created_at) VALUES (?, ?, 'IE', 0) RETURNING id")
    .pluck();
  const link = legacy
    ? sql.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id, name, country, role) VALUES (?, ?, ?, 'IE', ?)")
    : // Linked since before anything the test records (link history: db/propagation/holders.ts).
      sql.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id, linked_at) VALUES (?, ?, 0)");
  const ids: Record<string, number> = {};
  for (const r of recipients) {
    const id = insertRecipient.get(r.name, r.role) as number;
    ids[r.name] = id;
    for (const key of r.purposes) {
      const pid = purposeId.get(key) as number | undefined;
      if (pid === undefined) throw new Error(`no purpose ${key}`);
      if (legacy) link.run(pid, id, r.name, r.role);
      else link.run(pid, id);
    }
  }
  return ids;
}
