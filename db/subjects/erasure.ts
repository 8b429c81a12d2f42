import { identifierHash } from "@/lib/subjects/identifiers";
import { grantKey } from "@/lib/consent/grant-flows";
import type { ConsentEventType } from "@/lib/consent/vocabulary";
import type { Db } from "../connection";
import { truncateWalNow } from "../ops/wal";

type ErasedState = { purposeId: number; state: ConsentEventType; decidedAt: number; expiresAt: number | null; noticeVersionId: number };

/** An erased subject's grants stop counting as live, and each of their states moves to "erased" today, so the aggregates keep adding up. */
function leaveGrantAggregates(db: Db, jurisdiction: string, states: ErasedState[], now: number): void {
  const run = (statement: string, ...args: unknown[]) => db.$client.prepare(statement).run(...args);
  const today = new Date(now).toISOString().slice(0, 10);
  for (const st of states) {
    const granted = st.state === "granted";
    if (granted) {
      const k = grantKey(st);
      run(
        "UPDATE consent_grant_versions SET count = count - 1 WHERE purpose_id = ? AND jurisdiction = ? AND notice_version_id = ?",
        st.purposeId,
        jurisdiction,
        k.noticeVersionId,
      );
      if (k.expiresDay)
        run(
          "UPDATE consent_grant_expiries SET count = count - 1 WHERE expires_day = ? AND purpose_id = ? AND jurisdiction = ?",
          k.expiresDay,
          st.purposeId,
          jurisdiction,
        );
      run(
        `INSERT INTO consent_grant_net (day, purpose_id, jurisdiction, delta) VALUES (?, ?, ?, -1)
         ON CONFLICT (day, purpose_id, jurisdiction) DO UPDATE SET delta = delta - 1`,
        today,
        st.purposeId,
        jurisdiction,
      );
    }
    run(
      `INSERT INTO consent_state_moves (purpose_id, day, jurisdiction, from_state, to_state, notice_version_id, count) VALUES (?, ?, ?, ?, 'erased', ?, 1)
       ON CONFLICT (purpose_id, day, jurisdiction, from_state, to_state, notice_version_id) DO UPDATE SET count = count + 1`,
      st.purposeId,
      today,
      jurisdiction,
      st.state,
      granted ? st.noticeVersionId : 0,
    );
  }
}

export type ErasureResult = { tombstones: number; removed: Record<string, number> };

/**
 * Erases a subject's personal data from every table in one transaction and
 * leaves only suppression tombstones (hashed identifiers, date, request
 * reference). Request records stay (they must be kept 24 months) with the
 * subject unlinked and free text removed. Counts in consent_state_totals
 * and the grant aggregates follow; daily rollups are anonymous history and stay as they are.
 * Deleted pages are zeroed (secure_delete) and the WAL is checkpointed, so
 * nothing can be recovered from the file.
 */
export function eraseSubject(db: Db, subjectId: number, requestRef: string | null): ErasureResult {
  const sql = db.$client;
  const result = sql
    .transaction(() => {
      const s = sql.prepare("SELECT id, email, external_id AS externalId, jurisdiction FROM subjects WHERE id = ?").get(subjectId) as
        { id: number; email: string | null; externalId: string | null; jurisdiction: string } | undefined;
      if (!s) return null;
      const tomb = sql.prepare(
        "INSERT INTO suppression_tombstones (identifier_hash, request_ref, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      );
      let tombstones = 0;
      if (s.email) tombstones += tomb.run(identifierHash("email", s.email), requestRef, Date.now()).changes;
      if (s.externalId) tombstones += tomb.run(identifierHash("external_id", s.externalId), requestRef, Date.now()).changes;
      const bump = sql.prepare("UPDATE consent_state_totals SET count = count - 1 WHERE purpose_id = ? AND jurisdiction = ? AND state = ?");
      const states = sql
        .prepare(
          "SELECT purpose_id AS purposeId, state, decided_at AS decidedAt, expires_at AS expiresAt, notice_version_id AS noticeVersionId FROM consent_state WHERE subject_id = ?",
        )
        .all(s.id) as ErasedState[];
      for (const row of states) bump.run(row.purposeId, s.jurisdiction, row.state);
      leaveGrantAggregates(db, s.jurisdiction, states, Date.now());
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
      return { tombstones, removed };
    })
    .immediate();
  if (!result) throw new Error(`subject ${subjectId} not found`);
  truncateWalNow(sql);
  return result;
}
