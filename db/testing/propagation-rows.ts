import { randomBytes } from "node:crypto";
import type { PropagationEventType } from "@/lib/propagation/events";
import type { DeliveryState } from "@/lib/propagation/vocabulary";
import type { Db } from "../connection";

// Rows of propagation for store and route tests, written directly so a test controls every state
// (a delivery parked, superseded or scrubbed) without running eligibility or the dispatcher.

const uid = (prefix: string) => prefix + randomBytes(16).toString("base64url");

/** A recipient, with a feed path holding `apiKeyId` when one is given. */
export function insertTestRecipient(db: Db, name: string, options: { apiKeyId?: number; feedStatus?: "active" | "disabled" } = {}) {
  const now = Date.now();
  const { id } = db.$client
    .prepare("INSERT INTO recipients (name, role, country, created_at) VALUES (?, 'processor', 'DE', ?) RETURNING id")
    .get(name, now) as { id: number };
  let pathId: number | null = null;
  if (options.apiKeyId !== undefined)
    pathId = (
      db.$client
        .prepare(
          "INSERT INTO recipient_paths (recipient_id, kind, status, api_key_id, created_at) VALUES (?, 'feed', ?, ?, ?) RETURNING id",
        )
        .get(id, options.feedStatus ?? "active", options.apiKeyId, now) as { id: number }
    ).id;
  return { id, pathId };
}

/** A staff member, for confirmations by an officer. */
export function insertTestOfficer(db: Db, email = "officer@example.com"): { id: number; email: string } {
  const { id } = db.$client
    .prepare(
      "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Officer', 'privacy_officer', 'x', ?) RETURNING id",
    )
    .get(email, Date.now()) as { id: number };
  return { id, email };
}

/** A subject request, for deliveries a request caused. */
export function insertTestRequest(db: Db, ref: string): number {
  const now = Date.now();
  return (
    db.$client
      .prepare(
        "INSERT INTO subject_requests (ref, type, status, jurisdiction, intake, received_at, due_at, created_at) VALUES (?, 'deletion', 'completed', 'EU', 'api', ?, ?, ?) RETURNING id",
      )
      .get(ref, now, now + 30 * 86_400_000, now) as { id: number }
  ).id;
}

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
};

/** A propagation event; its data defaults to a valid one of its type. */
export function insertTestEvent(
  db: Db,
  event: { type: PropagationEventType; subjectId: number; requestId?: number; occurredAt?: number; data?: Record<string, unknown> | null },
): { id: number; uid: string } {
  const id = uid("evt_");
  const row = db.$client
    .prepare(
      "INSERT INTO propagation_events (uid, type, subject_id, request_id, occurred_at, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .get(
      id,
      event.type,
      event.subjectId,
      event.requestId ?? null,
      event.occurredAt ?? Date.now(),
      event.data === null ? null : JSON.stringify(event.data ?? defaultData[event.type] ?? {}),
      Date.now(),
    ) as { id: number };
  return { id: row.id, uid: id };
}

/** One delivery of an event to a recipient, queued with the person's external id unless told otherwise. */
export function insertTestDelivery(
  db: Db,
  d: {
    eventId: number;
    recipientId: number;
    subjectId: number;
    identifiers?: { externalId?: string; email?: string } | null;
    state?: DeliveryState;
  },
): { id: number; uid: string } {
  const id = uid("msg_");
  const identifiers = d.identifiers === undefined ? { externalId: `cust-${d.subjectId}` } : d.identifiers;
  const now = Date.now();
  const row = db.$client
    .prepare(
      "INSERT INTO deliveries (uid, event_id, recipient_id, subject_id, identifiers, state, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .get(id, d.eventId, d.recipientId, d.subjectId, identifiers ? JSON.stringify(identifiers) : null, d.state ?? "queued", now, now) as {
    id: number;
  };
  return { id: row.id, uid: id };
}

/** A delivery's row as stored, for assertions. */
export function readTestDelivery(db: Db, id: number) {
  return db.$client
    .prepare(
      "SELECT state, delivered_at AS deliveredAt, delivered_via AS deliveredVia, confirmed_at AS confirmedAt, confirmed_via AS confirmedVia, confirmed_by_id AS confirmedById, confirm_note AS confirmNote, identifiers, scrubbed_at AS scrubbedAt FROM deliveries WHERE id = ?",
    )
    .get(id) as {
    state: DeliveryState;
    deliveredAt: number | null;
    deliveredVia: string | null;
    confirmedAt: number | null;
    confirmedVia: string | null;
    confirmedById: number | null;
    confirmNote: string | null;
    identifiers: string | null;
    scrubbedAt: number | null;
  };
}
