import type { SubjectExport } from "@/lib/requests/export-formats";
import type { Db } from "../connection";
import { listRecipientsToldAbout } from "../propagation/acknowledgements";

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

/**
 * Everything Candor holds on a subject (SPEC §4, GDPR Art. 15 and 20): the
 * profile, current choices, every ledger event with the notice version shown,
 * their requests, the messages sent to them, and the recipients told about them
 * (Art. 19, second sentence). Null when the subject is gone.
 */
export function buildSubjectExport(
  db: Db,
  subjectId: number,
  request: { ref: string; type: string },
  now = new Date(),
): SubjectExport | null {
  const sql = db.$client;
  const s = sql
    .prepare(
      "SELECT uid, email, external_id AS externalId, name, phone, jurisdiction, locale, is_minor AS isMinor, guardian_name AS guardianName, created_at AS createdAt FROM subjects WHERE id = ?",
    )
    .get(subjectId) as
    | {
        uid: string;
        email: string | null;
        externalId: string | null;
        name: string | null;
        phone: string | null;
        jurisdiction: string;
        locale: string;
        isMinor: number;
        guardianName: string | null;
        createdAt: number;
      }
    | undefined;
  if (!s) return null;
  const consents = sql
    .prepare(
      `SELECT p.key AS purpose, p.name, p.legal_basis AS legalBasis, cs.state, cs.channels, cs.decided_at AS decidedAt, cs.expires_at AS expiresAt
       FROM consent_state cs JOIN purposes p ON p.id = cs.purpose_id WHERE cs.subject_id = ? ORDER BY p.id`,
    )
    .all(subjectId) as {
    purpose: string;
    name: string;
    legalBasis: string;
    state: string;
    channels: string;
    decidedAt: number;
    expiresAt: number | null;
  }[];
  const events = sql
    .prepare(
      `SELECT e.id, e.occurred_at AS occurredAt, e.recorded_at AS recordedAt, p.key AS purpose, e.event, e.channel, e.source, e.jurisdiction, e.locale, e.gpc,
              v.version AS noticeVersion, n.locale AS noticeLocale
       FROM consent_events e JOIN purposes p ON p.id = e.purpose_id JOIN notice_versions v ON v.id = e.notice_version_id JOIN notices n ON n.id = v.notice_id
       WHERE e.subject_id = ? ORDER BY e.occurred_at, e.id`,
    )
    .all(subjectId) as {
    id: number;
    occurredAt: number;
    recordedAt: number;
    purpose: string;
    event: string;
    channel: string | null;
    source: string;
    jurisdiction: string;
    locale: string;
    gpc: number;
    noticeVersion: number;
    noticeLocale: string;
  }[];
  const requests = sql
    .prepare(
      "SELECT ref, type, status, received_at AS receivedAt, due_at AS dueAt, closed_at AS closedAt FROM subject_requests WHERE subject_id = ? ORDER BY received_at",
    )
    .all(subjectId) as { ref: string; type: string; status: string; receivedAt: number; dueAt: number; closedAt: number | null }[];
  const messages = sql
    .prepare(
      "SELECT created_at AS createdAt, kind, subject_line AS subjectLine, to_address AS toAddress FROM outbox WHERE subject_id = ? ORDER BY id",
    )
    .all(subjectId) as { createdAt: number; kind: string; subjectLine: string; toAddress: string }[];
  return {
    generatedAt: now.toISOString(),
    request,
    profile: {
      id: s.uid,
      email: s.email,
      externalId: s.externalId,
      name: s.name,
      phone: s.phone,
      jurisdiction: s.jurisdiction,
      locale: s.locale,
      isMinor: Boolean(s.isMinor),
      guardianName: s.guardianName,
      createdAt: iso(s.createdAt)!,
    },
    consents: consents.map((c) => ({
      ...c,
      channels: JSON.parse(c.channels) as string[],
      decidedAt: iso(c.decidedAt),
      expiresAt: iso(c.expiresAt),
    })),
    events: events.map((e) => ({ ...e, occurredAt: iso(e.occurredAt)!, recordedAt: iso(e.recordedAt)!, gpc: Boolean(e.gpc) })),
    requests: requests.map((r) => ({ ...r, receivedAt: iso(r.receivedAt)!, dueAt: iso(r.dueAt)!, closedAt: iso(r.closedAt) })),
    messages: messages.map((m) => ({ ...m, createdAt: iso(m.createdAt)! })),
    recipientsTold: listRecipientsToldAbout(db, subjectId),
  };
}
