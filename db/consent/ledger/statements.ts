import type { Statement } from "better-sqlite3";
import type { Db } from "../../connection";

/** The ledger's hot-path statements, prepared once per connection (the state aggregates' are in aggregates.ts). */
export function prepareLedgerStatements(db: Db) {
  const q = (sql: string): Statement => db.$client.prepare(sql);
  return {
    eventByKey: q("SELECT 1 FROM consent_events WHERE idempotency_key = ?"),
    // What a replay answers: the original event, its subject and the state it is in now.
    replayOf: q(
      `SELECT e.id AS eventId, s.uid AS subjectId, p.key AS purpose, cs.state, cs.expires_at AS expiresAt
       FROM consent_events e JOIN subjects s ON s.id = e.subject_id JOIN purposes p ON p.id = e.purpose_id
       LEFT JOIN consent_state cs ON cs.subject_id = e.subject_id AND cs.purpose_id = e.purpose_id
       WHERE e.idempotency_key = ?`,
    ),
    subjectByUid: q(
      "SELECT id, uid, email, external_id AS externalId, jurisdiction, locale, is_minor AS isMinor FROM subjects WHERE uid = ?",
    ),
    subjectByExternalId: q(
      "SELECT id, uid, email, external_id AS externalId, jurisdiction, locale, is_minor AS isMinor FROM subjects WHERE external_id = ?",
    ),
    subjectByEmail: q(
      "SELECT id, uid, email, external_id AS externalId, jurisdiction, locale, is_minor AS isMinor FROM subjects WHERE email = ?",
    ),
    // Run, not RETURNING: the new row's id is the statement's lastInsertRowid, and RETURNING costs a step of its own per row.
    insertSubject: q(
      "INSERT INTO subjects (uid, external_id, email, jurisdiction, locale, is_minor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    tombstone: q("SELECT 1 FROM suppression_tombstones WHERE identifier_hash = ?"),
    purposes: q(
      "SELECT id, key, legal_basis AS legalBasis, status, channels, validity_days AS validityDays, sale_or_sharing AS saleOrSharing, material_change_at AS materialChangeAt FROM purposes WHERE status = 'active'",
    ),
    // The purposes whose data reaches a recipient: a change to any other purpose tells nobody (db/propagation/record.ts).
    purposesWithRecipients: q("SELECT DISTINCT purpose_id AS id FROM purpose_recipients WHERE recipient_id IS NOT NULL"),
    noticeVersions: q(
      "SELECT v.id, v.version, v.status, n.locale, n.purpose_id AS purposeId FROM notice_versions v JOIN notices n ON n.id = v.notice_id WHERE v.status IN ('published', 'superseded')",
    ),
    // Run, not RETURNING, as insertSubject: no change means the idempotency key was taken and nothing was written.
    insertEvent: q(
      `INSERT INTO consent_events (subject_id, purpose_id, notice_version_id, event, channel, jurisdiction, source, locale, gpc, guardian_name, idempotency_key, occurred_at, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`,
    ),
    stateOf: q(
      "SELECT state, channels, decided_at AS decidedAt, last_event_id AS lastEventId, expires_at AS expiresAt, notice_version_id AS noticeVersionId, gpc FROM consent_state WHERE subject_id = ? AND purpose_id = ?",
    ),
    // Whether the person refuses another purpose that sells or shares: asked only when a refusal of one begins
    // (lib/consent/sale-opt-out.ts), a range of the state's key for the person.
    refusesOtherSale: q(
      `SELECT 1 FROM consent_state cs JOIN purposes p ON p.id = cs.purpose_id
       WHERE cs.subject_id = ? AND cs.purpose_id <> ? AND cs.state IN ('withdrawn', 'denied') AND p.sale_or_sharing = 1 LIMIT 1`,
    ),
    upsertState: q(
      `INSERT INTO consent_state (subject_id, purpose_id, state, channels, notice_version_id, last_event_id, gpc, decided_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (subject_id, purpose_id) DO UPDATE SET state = excluded.state, channels = excluded.channels,
         notice_version_id = excluded.notice_version_id, last_event_id = excluded.last_event_id, gpc = excluded.gpc,
         decided_at = excluded.decided_at, expires_at = excluded.expires_at`,
    ),
    bumpRollup: q(
      `INSERT INTO consent_daily_rollups (day, purpose_id, jurisdiction, source, locale, channel, event, gpc, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (day, purpose_id, jurisdiction, source, locale, channel, event, gpc) DO UPDATE SET count = count + excluded.count`,
    ),
    bumpSplit: q(
      `INSERT INTO consent_daily_splits (dimension, day, purpose_id, jurisdiction, value, granted, denied, withdrawn, expired, gpc, gpc_granted)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (dimension, day, purpose_id, jurisdiction, value) DO UPDATE SET granted = granted + excluded.granted,
         denied = denied + excluded.denied, withdrawn = withdrawn + excluded.withdrawn, expired = expired + excluded.expired, gpc = gpc + excluded.gpc,
         gpc_granted = gpc_granted + excluded.gpc_granted`,
    ),
  };
}

export type LedgerStatements = ReturnType<typeof prepareLedgerStatements>;
