import { randomBytes } from "node:crypto";
import type { PropagationEventType } from "@/lib/propagation/events";
import type { Db } from "../connection";

/**
 * Rows for the dispatcher's tests (dispatch, email path, scrub), written straight into a test store so each
 * test decides exactly which events and deliveries exist, apart from who the writer would tell.
 */

const uid = (prefix: string) => `${prefix}_${randomBytes(9).toString("hex")}`;

export type TestPath =
  | { kind: "webhook"; url: string; secret: string; previousSecret?: string; rotatedAt?: number }
  | { kind: "email"; batching?: "each" | "daily" }
  | { kind: "feed" };

/** A recipient with one path; returns its id and the path's. */
export function addTestRecipient(db: Db, name: string, path: TestPath, contact: string | null = `privacy@${name.toLowerCase()}.example`) {
  const sql = db.$client;
  const recipientId = sql
    .prepare(
      "INSERT INTO recipients (name, role, country, privacy_contact_email, created_at) VALUES (?, 'processor', 'IE', ?, 0) RETURNING id",
    )
    .pluck()
    .get(name, contact) as number;
  const pathId = sql
    .prepare(
      `INSERT INTO recipient_paths (recipient_id, kind, status, url, secret, previous_secret, rotated_at, email_batching, created_at)
       VALUES (?, ?, 'active', ?, ?, ?, ?, ?, 0) RETURNING id`,
    )
    .pluck()
    .get(
      recipientId,
      path.kind,
      path.kind === "webhook" ? path.url : null,
      path.kind === "webhook" ? path.secret : null,
      path.kind === "webhook" ? (path.previousSecret ?? null) : null,
      path.kind === "webhook" ? (path.rotatedAt ?? null) : null,
      path.kind === "email" ? (path.batching ?? "each") : null,
    ) as number;
  return { recipientId, pathId };
}

export type TestEvent = {
  subjectId: number;
  type?: PropagationEventType;
  data?: Record<string, unknown>;
  occurredAt: number;
  /** One delivery per recipient, each with the identifiers it holds (null: none). */
  to: { recipientId: number; identifiers: { externalId?: string; email?: string } | null }[];
};

const defaultData: Partial<Record<PropagationEventType, Record<string, unknown>>> = {
  "consent.changed": {
    purpose: "newsletter",
    previousState: "granted",
    newState: "withdrawn",
    noticeVersion: 1,
    source: "api",
    gpc: false,
  },
  "subject.erased": {},
  "subject.restricted": {},
  "subject.rectified": { changes: [{ field: "name", value: "Ana Lima" }] },
};

/** An event and its queued deliveries, due at `occurredAt`; returns the event's row id and each delivery's id and uid. */
export function addTestEvent(db: Db, e: TestEvent): { eventId: number; deliveries: { id: number; uid: string; recipientId: number }[] } {
  const sql = db.$client;
  const type = e.type ?? "consent.changed";
  const eventId = sql
    .prepare("INSERT INTO propagation_events (uid, type, subject_id, occurred_at, data, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
    .pluck()
    .get(uid("evt"), type, e.subjectId, e.occurredAt, JSON.stringify(e.data ?? defaultData[type] ?? {}), e.occurredAt) as number;
  const insert = sql.prepare(
    `INSERT INTO deliveries (uid, event_id, recipient_id, subject_id, identifiers, state, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?) RETURNING id, uid, recipient_id AS recipientId`,
  );
  const deliveries = e.to.map(
    (t) =>
      insert.get(
        uid("msg"),
        eventId,
        t.recipientId,
        e.subjectId,
        t.identifiers ? JSON.stringify(t.identifiers) : null,
        e.occurredAt,
        e.occurredAt,
      ) as { id: number; uid: string; recipientId: number },
  );
  return { eventId, deliveries };
}

export type DeliveryRow = {
  id: number;
  uid: string;
  state: string;
  attempts: number;
  firstAttemptAt: number | null;
  nextAttemptAt: number;
  claimedAt: number | null;
  lastOutcome: string | null;
  lastResponse: string | null;
  deliveredAt: number | null;
  deliveredVia: string | null;
  outboxId: number | null;
  identifiers: string | null;
  scrubbedAt: number | null;
};

export function deliveryRow(db: Db, id: number): DeliveryRow {
  return db.$client
    .prepare(
      `SELECT id, uid, state, attempts, first_attempt_at AS firstAttemptAt, next_attempt_at AS nextAttemptAt, claimed_at AS claimedAt,
              last_outcome AS lastOutcome, last_response AS lastResponse, delivered_at AS deliveredAt, delivered_via AS deliveredVia,
              outbox_id AS outboxId, identifiers, scrubbed_at AS scrubbedAt
       FROM deliveries WHERE id = ?`,
    )
    .get(id) as DeliveryRow;
}

/** Empties what the dispatcher's tests write, so each starts from no recipients. */
export function clearPropagation(db: Db): void {
  db.$client.exec(
    "DELETE FROM deliveries; DELETE FROM propagation_events; DELETE FROM recipient_paths; DELETE FROM purpose_recipients; DELETE FROM recipients; DELETE FROM outbox;",
  );
}
