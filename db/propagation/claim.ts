import { DELIVERY_TIMEOUT_MS } from "@/lib/propagation/delivery-schedule";
import type { PropagationEventType } from "@/lib/propagation/events";
import { deliveryPayload, INVALID_PAYLOAD_OUTCOME } from "@/lib/propagation/payload";
import { signingSecrets } from "@/lib/propagation/webhook-signature";
import type { Db } from "../connection";
import { perConnection } from "../prepared";

// The claim side of the webhook dispatcher (dispatch.ts): what is due, read without the write lock, and the claim
// of one delivery as a worker is about to send it.

/**
 * A claim older than this was lost (the dispatcher died mid-attempt): one attempt takes at most
 * DELIVERY_TIMEOUT_MS, and the margin covers recording its outcome. The delivery is then tried again.
 */
export const CLAIM_EXPIRY_MS = DELIVERY_TIMEOUT_MS + 20_000;

/** What the sender needs for one attempt: the delivery's webhook-id (the same on every retry), where, with what secrets, what body. */
export type WebhookTarget = { deliveryId: number; webhookId: string; url: string; secrets: string[]; body: string };

/** A claimed delivery: the target and what recording its outcome needs. */
export type WebhookClaim = WebhookTarget & {
  pathId: number;
  recipientId: number;
  attempts: number;
  firstAttemptAt: number;
  claimedAt: number;
};

/** A delivery due now at the head of its person's queue, as read without the write lock; claimWebhook checks it again. */
export type DueWebhook = {
  id: number;
  uid: string;
  recipientId: number;
  pathId: number;
  identifiers: string;
  eventId: number;
  eventUid: string;
  type: PropagationEventType;
  occurredAt: number;
  data: string | null;
  nextAttemptAt: number;
};

// Statements prepared once per connection (the dispatcher runs every few seconds).
function prepare(sql: Db["$client"]) {
  // The head of a person's queue at one recipient: no delivery of an earlier event of theirs still to carry. Found through
  // the person's events (propagation_events_subject_idx, then deliveries_event_idx; a person has a handful): an index of
  // deliveries led by recipient and person cost the writer a page at random for every delivery it wrote.
  const head = (d: string) =>
    `NOT EXISTS (SELECT 1 FROM propagation_events oe JOIN deliveries o INDEXED BY deliveries_event_idx ON o.event_id = oe.id
                 WHERE oe.subject_id = ${d}.subject_id AND oe.id < ${d}.event_id AND o.recipient_id = ${d}.recipient_id
                   AND o.state = 'queued' AND o.identifiers IS NOT NULL AND o.outbox_id IS NULL)`;
  return {
    // recipient_paths is small: one row per path.
    paths: sql.prepare(
      `SELECT id, recipient_id AS recipientId FROM recipient_paths
       WHERE kind = 'webhook' AND status = 'active' AND url IS NOT NULL AND secret IS NOT NULL ORDER BY id`,
    ),
    // One recipient's deliveries a webhook can carry, due and free, through deliveries_waiting_idx: a feed's backlog and
    // the deliveries that name nobody are not in it.
    due: sql.prepare(
      `SELECT d.id, d.uid, d.recipient_id AS recipientId, d.identifiers, e.id AS eventId, e.uid AS eventUid, e.type,
              e.occurred_at AS occurredAt, e.data, d.next_attempt_at AS nextAttemptAt
       FROM deliveries d INDEXED BY deliveries_waiting_idx JOIN propagation_events e ON e.id = d.event_id
       WHERE d.recipient_id = ? AND d.state = 'queued' AND d.identifiers IS NOT NULL AND d.outbox_id IS NULL AND d.next_attempt_at <= ?
         AND (d.claimed_at IS NULL OR d.claimed_at <= ?) AND ${head("d")}
       ORDER BY d.next_attempt_at, d.id
       LIMIT ?`,
    ),
    path: sql.prepare(
      `SELECT url, secret, previous_secret AS previousSecret, rotated_at AS rotatedAt FROM recipient_paths
       WHERE id = ? AND kind = 'webhook' AND status = 'active' AND url IS NOT NULL AND secret IS NOT NULL`,
    ),
    // Everything the read found is checked again under the lock: still queued, due, free, naming someone, first in line.
    claim: sql.prepare(
      `UPDATE deliveries SET claimed_at = ?, attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, ?)
       WHERE id = ? AND state = 'queued' AND next_attempt_at <= ? AND identifiers IS NOT NULL AND outbox_id IS NULL
         AND (claimed_at IS NULL OR claimed_at <= ?) AND ${head("deliveries")}
       RETURNING attempts, first_attempt_at AS firstAttemptAt`,
    ),
    invalid: sql.prepare("UPDATE deliveries SET state = 'parked', last_outcome = ?, next_attempt_at = ? WHERE id = ? AND state = 'queued'"),
  };
}
const statements = perConnection((db) => prepare(db.$client));

/**
 * The webhook deliveries due now, read without the write lock: queued, due, not claimed (or claimed so long ago the
 * claim was lost), for recipients with an active webhook, and only the oldest unfinished delivery of each recipient
 * and person, so deliveries about one person leave in the order they happened (a retrying one holds the later ones
 * back; a parked one no longer does, since recipients drop older sequences). A delivery without identifiers has no
 * payload and waits for an officer; it holds nothing back. Each webhook recipient costs one index range read, so an
 * idle run costs a read per webhook, whatever waits for feeds and officers.
 */
export function dueWebhooks(db: Db, now: number, limit: number, perRecipient = limit): DueWebhook[] {
  const s = statements(db);
  const stale = now - CLAIM_EXPIRY_MS;
  const found: DueWebhook[] = [];
  const seen = new Set<number>();
  for (const path of s.paths.all() as { id: number; recipientId: number }[]) {
    if (seen.has(path.recipientId)) continue; // a recipient holds one active webhook; this guards against a second
    seen.add(path.recipientId);
    for (const row of s.due.all(path.recipientId, now, stale, Math.min(limit, perRecipient)) as Omit<DueWebhook, "pathId">[])
      found.push({ ...row, pathId: path.id });
  }
  return found.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id).slice(0, limit);
}

const UNFIT = Symbol("a stored event that no longer fits its schema");

/**
 * Claims due deliveries for the attempts about to be made, one worker free for each: their payloads are built and
 * checked outside the write lock, then one short IMMEDIATE transaction checks each again (another dispatcher, a scrub,
 * a replay or a 410 may have come between) and counts its attempt. The claim time is the claim's token. Each answer
 * is null when that delivery is no longer ours to send. One transaction for a round, not one per delivery: every
 * commit writes the pages it touched to the WAL, and under ingest those commits were the dispatcher's main cost.
 */
export function claimWebhooks(db: Db, due: readonly DueWebhook[], now: number): (WebhookClaim | null)[] {
  const sql = db.$client;
  const s = statements(db);
  const bodies = due.map((d): string | null | typeof UNFIT => {
    try {
      const payload = deliveryPayload(
        { id: d.eventId, uid: d.eventUid, type: d.type, occurredAt: new Date(d.occurredAt), data: d.data && JSON.parse(d.data) },
        { identifiers: JSON.parse(d.identifiers) },
      );
      return payload ? JSON.stringify(payload) : null;
    } catch {
      return UNFIT;
    }
  });
  return sql
    .transaction((): (WebhookClaim | null)[] => {
      const paths = new Map<number, { url: string; secret: string; previousSecret: string | null; rotatedAt: number | null } | undefined>();
      return due.map((d, i): WebhookClaim | null => {
        const body = bodies[i];
        // A stored event that no longer fits its schema is Candor's bug: parked for an officer, not retried forever.
        if (body === UNFIT) {
          s.invalid.run(INVALID_PAYLOAD_OUTCOME, now, d.id);
          return null;
        }
        if (body === null) return null;
        if (!paths.has(d.pathId)) paths.set(d.pathId, s.path.get(d.pathId) as never);
        const path = paths.get(d.pathId);
        if (!path) return null;
        const claimed = s.claim.get(now, now, d.id, now, now - CLAIM_EXPIRY_MS) as { attempts: number; firstAttemptAt: number } | undefined;
        if (!claimed) return null;
        return {
          deliveryId: d.id,
          webhookId: d.uid,
          url: path.url,
          secrets: signingSecrets(path, now),
          body,
          pathId: d.pathId,
          recipientId: d.recipientId,
          attempts: claimed.attempts,
          firstAttemptAt: claimed.firstAttemptAt,
          claimedAt: now,
        };
      });
    })
    .immediate();
}

/** Claims one due delivery (claimWebhooks for one). */
export function claimWebhook(db: Db, due: DueWebhook, now: number): WebhookClaim | null {
  return claimWebhooks(db, [due], now)[0];
}
