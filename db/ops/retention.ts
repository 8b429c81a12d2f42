import { appendAuditEntry } from "../staff/audit-chain";
import type { Db } from "../connection";
import { truncateWalOrNote } from "./wal";
import { DAY_MS } from "@/lib/time";

/** How long things that need not be kept are kept. */
export type RetentionPolicy = {
  /** One-time codes linger this long after they expired or were used (a day, for support questions). */
  codeGraceMs: number;
  /** A sent message's body (codes, links, names) is kept this many days, then replaced. */
  outboxBodyDays: number;
  /** Closed request records are kept at least this many months (CCPA 11 CCR §7101: 24). */
  requestRecordMonths: number;
};

export const defaultRetention: RetentionPolicy = { codeGraceMs: DAY_MS, outboxBodyDays: 30, requestRecordMonths: 24 };

/** What a sent message's body becomes once its retention has run out. */
export const REMOVED_BODY = "[body removed by the retention policy]";

export type RetentionCounts = {
  verificationCodes: number;
  exportLinks: number;
  outboxBodies: number;
  requests: number;
  requestEvents: number;
  requestMessages: number;
};

/**
 * The moment `months` calendar months before `now` (UTC). A day the target month lacks
 * rolls into the next month, which only ever keeps records a little longer.
 */
export function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Removes what need not be kept, in one transaction, and writes one audit entry with the
 * counts: one-time codes a day after they expired or were used; export links once past
 * their expiry (the export itself is built on demand, so the link is all there is);
 * bodies of messages sent more than `outboxBodyDays` ago (the row stays as a record that
 * it was sent); closed requests whose records are past `requestRecordMonths`, with their
 * timeline, codes and messages. Open requests, the consent ledger and the audit log are
 * never touched. Deleted content is overwritten (secure_delete) and the WAL truncated.
 */
export function runRetention(db: Db, now = new Date(), policy: RetentionPolicy = defaultRetention): RetentionCounts {
  const sql = db.$client;
  const t = now.getTime();
  const codeCutoff = t - policy.codeGraceMs;
  const bodyCutoff = t - policy.outboxBodyDays * DAY_MS;
  const recordCutoff = monthsBefore(now, policy.requestRecordMonths).getTime();
  const run = (statement: string, ...args: unknown[]) => sql.prepare(statement).run(...args).changes;
  const counts = sql
    .transaction(() => {
      const expiredRequests =
        "SELECT id FROM subject_requests WHERE status IN ('completed', 'rejected') AND closed_at IS NOT NULL AND closed_at < ?";
      // Expired request records first, so their messages and codes are counted with them.
      const requestEvents = run(`DELETE FROM request_events WHERE request_id IN (${expiredRequests})`, recordCutoff);
      const requestMessages = run(`DELETE FROM outbox WHERE request_id IN (${expiredRequests})`, recordCutoff);
      const requestCodes = run(`DELETE FROM verification_codes WHERE request_id IN (${expiredRequests})`, recordCutoff);
      const requests = run(`DELETE FROM subject_requests WHERE id IN (${expiredRequests})`, recordCutoff);
      const counts: RetentionCounts = {
        verificationCodes:
          requestCodes +
          run(
            "DELETE FROM verification_codes WHERE purpose <> 'export' AND (expires_at < ? OR (consumed_at IS NOT NULL AND consumed_at < ?))",
            codeCutoff,
            codeCutoff,
          ),
        exportLinks: run("DELETE FROM verification_codes WHERE purpose = 'export' AND expires_at < ?", t),
        outboxBodies: run(
          "UPDATE outbox SET body = ? WHERE status = 'sent' AND sent_at < ? AND body <> ?",
          REMOVED_BODY,
          bodyCutoff,
          REMOVED_BODY,
        ),
        requests,
        requestEvents,
        requestMessages,
      };
      appendAuditEntry(db, {
        actorId: null,
        actorLabel: "system",
        action: "retention.run",
        details: {
          ...counts,
          policy: {
            codeGraceHours: policy.codeGraceMs / 3_600_000,
            outboxBodyDays: policy.outboxBodyDays,
            requestRecordMonths: policy.requestRecordMonths,
          },
        },
      });
      return counts;
    })
    .immediate();
  // As with erasure: the old page images in the WAL go too, not only the rows.
  if (Object.values(counts).some((n) => n > 0)) truncateWalOrNote(sql);
  return counts;
}
