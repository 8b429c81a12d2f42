import type { Db } from "./connection";

type Pending = { id: number; toAddress: string; subjectLine: string; body: string; locale: string };
export type Send = (m: Pending) => Promise<void>;

/**
 * Sends waiting outbox messages one by one and records each outcome. A
 * message is claimed (pending → sending) before it goes out, so two
 * dispatchers never send it twice.
 */
export async function dispatchOutbox(db: Db, send: Send, limit = 50): Promise<{ sent: number; failed: number }> {
  const sql = db.$client;
  const claim = sql.prepare("UPDATE outbox SET status = 'sending' WHERE id = ? AND status = 'pending'");
  const done = sql.prepare("UPDATE outbox SET status = ?, error = ?, sent_at = ? WHERE id = ?");
  const rows = sql
    .prepare("SELECT id, to_address AS toAddress, subject_line AS subjectLine, body, locale FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?")
    .all(limit) as Pending[];
  let sent = 0;
  let failed = 0;
  for (const m of rows) {
    if (claim.run(m.id).changes === 0) continue;
    try {
      await send(m);
      done.run("sent", null, Date.now(), m.id);
      sent++;
    } catch (error) {
      // Keep the reason for staff, but never the message body or credentials.
      done.run("failed", error instanceof Error ? error.message.slice(0, 300) : "send failed", null, m.id);
      failed++;
    }
  }
  return { sent, failed };
}
