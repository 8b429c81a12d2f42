import { randomBytes } from "node:crypto";
import type { PropagationEventType } from "@/lib/propagation/events";
import type { DeliveryState, PathKind } from "@/lib/propagation/vocabulary";
import type { Db } from "../connection";

// Test-only: recipients, paths, requests, events and deliveries written straight into a store (a store test's
// temporary one, or an e2e spec's copy before its server starts), in any state, at any age, without waiting
// 72 hours for a delivery to park. Row shapes follow db/schema/propagation.ts.

const token = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

export function insertRecipient(db: Db, r: { name: string; privacyContactEmail?: string | null; role?: string; country?: string }): number {
  const row = db.$client
    .prepare("INSERT INTO recipients (name, role, country, privacy_contact_email, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
    .get(r.name, r.role ?? "processor", r.country ?? "IE", r.privacyContactEmail ?? null, Date.now()) as { id: number };
  return row.id;
}

export type PathFixture = {
  kind: PathKind;
  status?: "active" | "disabled";
  disabledReason?: "gone" | "officer" | null;
  disabledAt?: number | null;
  url?: string | null;
  apiKeyId?: number | null;
};

export function insertPath(db: Db, recipientId: number, p: PathFixture): number {
  const secret = p.kind === "webhook" ? `whsec_${randomBytes(32).toString("base64")}` : null;
  const row = db.$client
    .prepare(
      `INSERT INTO recipient_paths (recipient_id, kind, status, url, secret, api_key_id, email_batching, disabled_at, disabled_reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      recipientId,
      p.kind,
      p.status ?? "active",
      p.kind === "webhook" ? (p.url ?? "https://hooks.vendor.example/candor") : null,
      secret,
      p.apiKeyId ?? null,
      p.kind === "email" ? "each" : null,
      p.disabledAt ?? (p.status === "disabled" ? Date.now() : null),
      p.disabledReason ?? null,
      Date.now(),
    ) as { id: number };
  return row.id;
}

/** A subject request to hang events on (a reference and a clock, no person). */
export function insertRequest(db: Db, r: { ref: string; type?: string; receivedAt?: number }): number {
  const at = r.receivedAt ?? Date.now();
  const row = db.$client
    .prepare(
      `INSERT INTO subject_requests (ref, type, status, jurisdiction, intake, received_at, due_at, closed_at, created_at)
       VALUES (?, ?, 'completed', 'EU', 'api', ?, ?, ?, ?) RETURNING id`,
    )
    .get(r.ref, r.type ?? "deletion", at, at + 30 * 86_400_000, at, at) as { id: number };
  return row.id;
}

export type DeliveryFixture = {
  recipientId: number;
  subjectId: number;
  type: PropagationEventType;
  purposeId?: number | null;
  requestId?: number | null;
  /** The event's data; a default that fits the type when omitted. */
  data?: Record<string, unknown> | null;
  state?: DeliveryState;
  identifiers?: { externalId?: string; email?: string } | null;
  attempts?: number;
  /** When the change happened and the delivery was queued (epoch ms). */
  at?: number;
  firstAttemptAt?: number | null;
  lastOutcome?: string | null;
  deliveredAt?: number | null;
  confirmedAt?: number | null;
  scrubbedAt?: number | null;
};

const defaultData: Record<PropagationEventType, Record<string, unknown>> = {
  "consent.changed": {
    purpose: "newsletter",
    previousState: "granted",
    newState: "withdrawn",
    noticeVersion: 1,
    source: "api",
    gpc: false,
  },
  "subject.erased": {},
  "subject.rectified": { changes: [{ field: "name", value: "Ana" }] },
  "subject.restricted": {},
  "subject.objected": { purposes: ["newsletter"] },
  "subject.opted_out": { optOut: ["sale", "sharing"], gpc: false },
  "subject.limited": {},
};

/** One event and its delivery to one recipient, in the given state; returns the ids and the webhook-id (uid). */
export function insertDelivery(db: Db, d: DeliveryFixture): { id: number; uid: string; eventId: number } {
  const at = d.at ?? Date.now();
  const state = d.state ?? "queued";
  const data = d.data === undefined ? defaultData[d.type] : d.data;
  const event = db.$client
    .prepare(
      `INSERT INTO propagation_events (uid, type, subject_id, purpose_id, request_id, occurred_at, data, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      token("evt"),
      d.type,
      d.subjectId,
      d.purposeId ?? null,
      d.requestId ?? null,
      at,
      data === null ? null : JSON.stringify(data),
      at,
    ) as {
    id: number;
  };
  const identifiers = d.identifiers === undefined ? { externalId: `CUST-${d.subjectId}` } : d.identifiers;
  const delivered = d.deliveredAt ?? (state === "delivered" || state === "confirmed" ? at + 1_000 : null);
  const uid = token("msg");
  const row = db.$client
    .prepare(
      `INSERT INTO deliveries (uid, event_id, recipient_id, subject_id, identifiers, state, attempts, first_attempt_at, next_attempt_at,
         last_outcome, delivered_at, delivered_via, confirmed_at, confirmed_via, scrubbed_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      uid,
      event.id,
      d.recipientId,
      d.subjectId,
      identifiers === null ? null : JSON.stringify(identifiers),
      state,
      d.attempts ?? (state === "parked" ? 12 : 0),
      d.firstAttemptAt ?? (state === "queued" ? null : at),
      at,
      d.lastOutcome ?? (state === "parked" ? "503" : null),
      delivered,
      delivered === null ? null : "webhook",
      d.confirmedAt ?? (state === "confirmed" ? at + 2_000 : null),
      d.confirmedAt || state === "confirmed" ? "recipient" : null,
      d.scrubbedAt ?? null,
      at,
    ) as { id: number };
  return { id: row.id, uid, eventId: event.id };
}
