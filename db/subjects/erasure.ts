import { identifierHash } from "@/lib/subjects/identifiers";
import type { ConsentEventType } from "@/lib/consent/vocabulary";
import type { Db } from "../connection";
import { truncateWalWithin, type WalEmptying } from "../ops/wal";
import { StateAggregates } from "../consent/ledger/aggregates";
import { recordSubjectEvent } from "../propagation/record";

type ErasedState = { purposeId: number; state: ConsentEventType; decidedAt: number; expiresAt: number | null; noticeVersionId: number };

/**
 * How long an erasure waits for readers on older snapshots to let the WAL be emptied before it leaves the rest to
 * the dispatcher's retries (maintenance_pending). A reader's snapshot lasts one page's queries, so seconds are ample.
 */
export const ERASURE_WAL_WAIT_MS = 10_000;

export type ErasureResult = {
  tombstones: number;
  removed: Record<string, number>;
  recipientsTold: number;
  /** Whether the WAL was emptied after the erasure (the erased pages' old images gone), after how many tries and how long. */
  wal: WalEmptying;
};

export type ErasureOptions = {
  /** The request that asked for it, named on the subject.erased event. */
  requestId?: number | null;
  /** How long to keep trying to empty the WAL (ERASURE_WAL_WAIT_MS unless said). */
  walWaitMs?: number;
};

/**
 * Erases a subject's personal data from every table in one transaction and
 * leaves only suppression tombstones (hashed identifiers, date, request
 * reference). Request records stay (they must be kept 24 months) with the
 * subject unlinked and free text removed. Counts in consent_state_totals
 * and the grant aggregates follow (StateAggregates.erase, the writer the ledger
 * uses); daily rollups are anonymous history and stay as they are.
 * Deleted pages are zeroed (secure_delete) and the WAL is checkpointed and emptied, tried again while readers
 * on older snapshots hold it (truncateWalWithin), so nothing can be recovered from the file; the result says
 * whether it had to wait.
 *
 * In the same transaction, subject.erased is queued to every recipient holding the person's data (GDPR
 * Art. 19, CCPA §7022(b)), decided before the rows it is decided from are deleted; every recipient already
 * sent a delivery about the person is among them, so each earlier delivery belongs to an erasure the scrub
 * settles. The person's deliveries, this one and earlier ones, keep the identifiers each recipient holds
 * until every recipient acknowledged or 30 days passed (issue 14, deliverable 3); the scrub
 * (db/propagation/scrub.ts) removes them then.
 */
export function eraseSubject(db: Db, subjectId: number, requestRef: string | null, options: ErasureOptions = {}): ErasureResult {
  const sql = db.$client;
  const result = sql
    .transaction(() => {
      const s = sql.prepare("SELECT id, email, external_id AS externalId, jurisdiction FROM subjects WHERE id = ?").get(subjectId) as
        { id: number; email: string | null; externalId: string | null; jurisdiction: string } | undefined;
      if (!s) return null;
      const now = Date.now();
      // Always, a restore re-applying an erasure included: the restore threw away what the replaced store had
      // queued, and a recipient told twice drops the second by its sequence (db/ops/backup.ts).
      const told = recordSubjectEvent(
        db,
        { subjectId: s.id, type: "subject.erased", data: {}, requestId: options.requestId ?? null, occurredAt: now },
        now,
      );
      const tomb = sql.prepare(
        "INSERT INTO suppression_tombstones (identifier_hash, request_ref, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      );
      let tombstones = 0;
      if (s.email) tombstones += tomb.run(identifierHash("email", s.email), requestRef, Date.now()).changes;
      if (s.externalId) tombstones += tomb.run(identifierHash("external_id", s.externalId), requestRef, Date.now()).changes;
      const states = sql
        .prepare(
          "SELECT purpose_id AS purposeId, state, decided_at AS decidedAt, expires_at AS expiresAt, notice_version_id AS noticeVersionId FROM consent_state WHERE subject_id = ?",
        )
        .all(s.id) as ErasedState[];
      // Through the aggregates' one writer: each state stops counting and moves to "erased" today.
      const aggregates = new StateAggregates();
      for (const st of states) aggregates.erase(st.purposeId, s.jurisdiction, st, now);
      aggregates.flush(sql);
      const requestIds = "SELECT id FROM subject_requests WHERE subject_id = ?";
      const run = (statement: string, ...args: unknown[]) => sql.prepare(statement).run(...args).changes;
      const removed = {
        consentState: run("DELETE FROM consent_state WHERE subject_id = ?", s.id),
        consentEvents: run("DELETE FROM consent_events WHERE subject_id = ?", s.id),
        verificationCodes: run("DELETE FROM verification_codes WHERE subject_id = ?", s.id),
        outbox: run("DELETE FROM outbox WHERE subject_id = ? OR (to_address = ? AND ? IS NOT NULL)", s.id, s.email, s.email),
        requestNotes: run(`UPDATE request_events SET note = NULL WHERE note IS NOT NULL AND request_id IN (${requestIds})`, s.id),
        requestDetails: run(`UPDATE subject_requests SET details = NULL WHERE subject_id = ?`, s.id),
        subjects: run("DELETE FROM subjects WHERE id = ?", s.id),
      };
      return { tombstones, removed, recipientsTold: told.reduce((n, e) => n + e.deliveries, 0) };
    })
    .immediate();
  if (!result) throw new Error(`subject ${subjectId} not found`);
  const wal = truncateWalWithin(sql, options.walWaitMs ?? ERASURE_WAL_WAIT_MS);
  return { ...result, wal };
}
