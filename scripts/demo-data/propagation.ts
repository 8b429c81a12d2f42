import type { Db } from "@/db/connection";
import { markEmailDelivered, queueRecipientEmails } from "@/db/propagation/email";
import { recordSubjectEvent, type RecordOptions } from "@/db/propagation/record";
import { scrubSettledErasures } from "@/db/propagation/scrub";
import type { RequestRows } from "@/db/seed/rows";
import type { NewAuditEntry } from "@/db/staff/audit-chain";
import type { Random } from "@/lib/random";
import { purposesToStop } from "@/lib/requests/fulfilment";
import { DAY_MS } from "@/lib/time";
import { demoStaffId } from "./staff";
import { HOUR_MS, type Timeline } from "./timeline";

/** Where the demo runs (npm run demo): the address the recipient emails link to. */
const DEMO_URL = "http://localhost:3000";
const officer = "privacy@northtrail.example";
// Every demo audit entry names the seed as what wrote it (reference.ts).
const SEED_ACTOR = "seed";

/** How each officer confirmation reads: what the recipient's privacy contact said, or why none was needed. */
const notes = {
  email: [
    "Their privacy contact replied by email: done in all their systems.",
    "Confirmed by their privacy team; ticket reference in the reply.",
    "Reply received from the privacy contact: actioned.",
  ],
  webhook: ["Their privacy team confirmed by email that the webhook event was applied."],
  none: ["No path to this recipient; confirmed with their data protection officer by phone."],
  noIdentifier: ["They hold no identifier Candor could send; their privacy contact found and handled the record by hand."],
};

type Seed = {
  /** The demo's requests, with their ids; completed deletions have no subject any more. */
  requests: RequestRows["requests"];
  /** Each request's subject, the erased ones' included. */
  subjectOf: ReadonlyMap<number, number>;
  t: Timeline;
  random: Random;
};

type Told = {
  id: number;
  uid: string;
  recipientId: number;
  recipient: string;
  requestId: number;
  createdAt: number;
  deliveredAt: number | null;
  identifiers: string | null;
};

/**
 * The propagation history of the demo's completed deletions, restrictions, objections and opt-outs: the
 * events the live code would have written when each was completed (through the outbox writer, on its
 * completion time), the recipient emails the email path wrote, and how far each delivery got by the anchor:
 * feeds read (and mostly confirmed by the recipient), emails sent (and mostly confirmed by an officer with a
 * note), the one webhook working until its 410 with one delivery parked before that, recipients without a
 * path confirmed by hand, recent ones still queued; settled erasures scrubbed. Returns the audit entries.
 */
export function seedPropagationHistory(db: Db, o: Seed): NewAuditEntry[] {
  const sql = db.$client;
  const r = o.random;
  const uid: RecordOptions["uid"] = (prefix) => prefix + Buffer.from(Array.from({ length: 16 }, () => r.int(0, 255))).toString("base64url");
  const active = (
    sql.prepare("SELECT key, legal_basis AS legalBasis, sale_or_sharing AS saleOrSharing FROM purposes WHERE status = 'active'").all() as {
      key: string;
      legalBasis: string;
      saleOrSharing: number;
    }[]
  ).map((p) => ({ ...p, saleOrSharing: Boolean(p.saleOrSharing) }));
  const objected = purposesToStop("objection", active);
  const limitable = (
    sql.prepare("SELECT key FROM purposes WHERE status = 'active' AND sensitive_beyond_permitted = 1").all() as { key: string }[]
  ).map((p) => p.key);
  // Each Californian whose limit request was acted on has a standing limit (db/requests/limit.ts sets it at intake).
  const setLimit = sql.prepare("INSERT OR IGNORE INTO sensitive_limits (subject_id, request_id, limited_at) VALUES (?, ?, ?)");
  for (const q of o.requests.filter((q) => q.type === "limit_sensitive" && (q.status === "in_progress" || q.status === "completed"))) {
    const subjectId = o.subjectOf.get(q.id);
    if (subjectId !== undefined) setLimit.run(subjectId, q.id, q.receivedAt.getTime());
  }
  const stampMessages = sql.prepare("UPDATE outbox SET created_at = ? WHERE id > ? AND kind IN ('recipient-notice', 'recipient-digest')");
  const lastMessage = () => (sql.prepare("SELECT coalesce(max(id), 0) AS id FROM outbox").get() as { id: number }).id;
  const emails = (now: number) => {
    const before = lastMessage();
    while (queueRecipientEmails(db, { now, candorUrl: DEMO_URL }).more); // a run words at most EMAIL_RUN_LIMIT per recipient
    stampMessages.run(now, before);
  };

  const completed = o.requests
    .filter(
      (q) =>
        q.status === "completed" &&
        q.closedAt &&
        ["deletion", "restriction", "objection", "opt_out_sale", "limit_sensitive"].includes(q.type),
    )
    .sort((a, b) => a.closedAt!.getTime() - b.closedAt!.getTime());
  for (const q of completed) {
    const subjectId = o.subjectOf.get(q.id);
    if (subjectId === undefined) continue;
    const at = q.closedAt!.getTime();
    const base = { subjectId, requestId: q.id, occurredAt: at };
    if (q.type === "deletion") recordSubjectEvent(db, { ...base, type: "subject.erased", data: {} }, at, { uid });
    else if (q.type === "restriction") recordSubjectEvent(db, { ...base, type: "subject.restricted", data: {} }, at, { uid });
    else if (q.type === "opt_out_sale")
      recordSubjectEvent(db, { ...base, type: "subject.opted_out", data: { optOut: ["sale", "sharing"], gpc: false } }, at, { uid });
    else if (q.type === "limit_sensitive") {
      if (limitable.length > 0) recordSubjectEvent(db, { ...base, type: "subject.limited", data: {}, purposes: limitable }, at, { uid });
    } else if (objected.length > 0)
      recordSubjectEvent(db, { ...base, type: "subject.objected", data: { purposes: objected }, purposes: objected }, at, { uid });
    // The dispatcher runs a moment later: a notice per event, yesterday's digests.
    emails(at + 2 * 60_000);
  }
  emails(o.t.anchor - 60_000);

  // Messages older than an hour left; the deliveries they carried are delivered by email.
  const pending = sql
    .prepare(
      "SELECT id, created_at AS at FROM outbox WHERE kind IN ('recipient-notice', 'recipient-digest') AND status = 'pending' ORDER BY id",
    )
    .all() as { id: number; at: number }[];
  const sent = sql.prepare("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = 1 WHERE id = ?");
  for (const m of pending) {
    if (m.at > o.t.anchor - HOUR_MS) continue;
    const at = m.at + r.int(2, 40) * 1000;
    sent.run(at, m.id);
    markEmailDelivered(db, m.id, at);
  }

  const audit = settle(db, o, paths(db));
  scrubSettledErasures(db, o.t.anchor);
  return audit;
}

type Paths = { feedReadAt: Map<number, number>; webhookGoneAt: Map<number, number>; email: Set<number> };

/** When each recipient's feed was last read, when its webhook answered 410, and who is reached by email. */
function paths(db: Db): Paths {
  const feeds = db.$client
    .prepare(
      `SELECT p.recipient_id AS recipientId, k.last_used_at AS at FROM recipient_paths p JOIN api_keys k ON k.id = p.api_key_id
       WHERE p.kind = 'feed' AND p.status = 'active' AND k.last_used_at IS NOT NULL`,
    )
    .all() as { recipientId: number; at: number }[];
  const hooks = db.$client
    .prepare(
      "SELECT recipient_id AS recipientId, disabled_at AS at FROM recipient_paths WHERE kind = 'webhook' AND disabled_reason = 'gone'",
    )
    .all() as { recipientId: number; at: number }[];
  const email = db.$client
    .prepare("SELECT DISTINCT recipient_id AS recipientId FROM recipient_paths WHERE kind = 'email' AND status = 'active'")
    .all() as { recipientId: number }[];
  return {
    feedReadAt: new Map(feeds.map((f) => [f.recipientId, f.at])),
    webhookGoneAt: new Map(hooks.map((h) => [h.recipientId, h.at])),
    email: new Set(email.map((e) => e.recipientId)),
  };
}

/** Moves each delivery as far as it got by the anchor, and confirms most of the older ones. */
function settle(db: Db, o: Seed, p: Paths): NewAuditEntry[] {
  const sql = db.$client;
  const r = o.random;
  const anchor = o.t.anchor;
  const audit: NewAuditEntry[] = [];
  const told = sql
    .prepare(
      `SELECT d.id, d.uid, d.recipient_id AS recipientId, rc.name AS recipient, e.request_id AS requestId, d.created_at AS createdAt,
              d.delivered_at AS deliveredAt, d.identifiers
       FROM deliveries d JOIN propagation_events e ON e.id = d.event_id JOIN recipients rc ON rc.id = d.recipient_id ORDER BY d.id`,
    )
    .all() as Told[];
  const update = (id: number, set: Record<string, unknown>) =>
    sql
      .prepare(
        `UPDATE deliveries SET ${Object.keys(set)
          .map((k) => `${k} = @${k}`)
          .join(", ")} WHERE id = @id`,
      )
      .run({ ...set, id });
  const cursor = new Map<number, number>();

  // One webhook delivery parked: the last one whose 72 hours of retries ran out before the endpoint answered 410.
  const parked = told
    .filter((d) => d.identifiers !== null && (p.webhookGoneAt.get(d.recipientId) ?? 0) - d.createdAt > 4 * DAY_MS)
    .at(-1)?.id;

  for (const d of told) {
    if (d.id === parked) {
      update(d.id, {
        state: "parked",
        attempts: 9,
        first_attempt_at: d.createdAt + 5_000,
        last_outcome: "503",
        last_response: "Service Unavailable",
      });
      continue;
    }
    const gone = p.webhookGoneAt.get(d.recipientId);
    const readAt = p.feedReadAt.get(d.recipientId);
    // Where no path can carry it (no identifier the recipient holds, no path, a webhook gone), an officer confirms by hand.
    let deliveredAt = d.deliveredAt;
    let note: readonly string[] = d.identifiers === null ? notes.noIdentifier : notes.none;
    if (d.identifiers !== null && p.email.has(d.recipientId)) {
      if (deliveredAt === null) continue; // its message has not left yet
      note = notes.email;
    } else if (d.identifiers !== null && gone !== undefined) {
      if (d.createdAt < gone) {
        deliveredAt = d.createdAt + 5_000;
        note = notes.webhook;
        update(d.id, {
          state: "delivered",
          attempts: 1,
          first_attempt_at: deliveredAt,
          delivered_at: deliveredAt,
          delivered_via: "webhook",
          last_outcome: "200",
        });
      } else update(d.id, { attempts: 1, first_attempt_at: d.createdAt + 5_000, last_outcome: "410" });
    } else if (d.identifiers !== null && readAt !== undefined) {
      const at = d.createdAt + r.float(0.2, 6) * HOUR_MS;
      if (at > readAt) continue; // the recipient has not read its feed since
      update(d.id, { state: "delivered", delivered_at: at, delivered_via: "feed" });
      cursor.set(d.recipientId, Math.max(cursor.get(d.recipientId) ?? 0, d.id));
      // The recipient confirms through the API some hours or days after reading it, most of the time.
      const age = (anchor - at) / DAY_MS;
      if (age < 1 || !r.bernoulli(0.85)) continue;
      const confirmedAt = Math.floor(at + r.float(0.1, Math.min(age - 0.05, 3)) * DAY_MS);
      update(d.id, { state: "confirmed", confirmed_at: confirmedAt, confirmed_via: "recipient" });
      audit.push({
        at: new Date(confirmedAt),
        actorId: null,
        actorLabel: SEED_ACTOR,
        action: "delivery.confirm",
        targetType: "delivery",
        targetId: d.uid,
        details: { recipientId: d.recipientId, via: "recipient", from: "delivered" },
      });
      continue;
    }
    // An officer confirms with a note a few days later, most of the time; the rest show as unconfirmed.
    const from = deliveredAt ?? d.createdAt;
    const age = (anchor - from) / DAY_MS;
    if (age < 1 || !r.bernoulli(0.8)) continue;
    const at = Math.floor(from + r.float(0.1, Math.min(age - 0.05, 6)) * DAY_MS);
    update(d.id, {
      state: "confirmed",
      confirmed_at: at,
      confirmed_via: "officer",
      confirmed_by_id: demoStaffId(officer),
      confirm_note: r.pick(note),
    });
    audit.push({
      at: new Date(at),
      actorId: demoStaffId(officer),
      actorLabel: SEED_ACTOR,
      action: "delivery.confirm",
      targetType: "recipient",
      targetId: d.recipientId,
      details: { via: "officer", deliveries: [d.uid], requestId: d.requestId },
    });
  }
  const setCursor = sql.prepare(
    "UPDATE recipient_paths SET feed_cursor = ? WHERE recipient_id = ? AND kind = 'feed' AND status = 'active'",
  );
  for (const [recipientId, id] of cursor) setCursor.run(id, recipientId);
  return audit;
}
