import { DELIVERY_TIMEOUT_MS, nextDeliveryStep, type AttemptOutcome } from "@/lib/propagation/delivery-schedule";
import type { EndpointRefusal } from "@/lib/propagation/endpoint-guard";
import type { PropagationEventType } from "@/lib/propagation/events";
import { deliveryPayload } from "@/lib/propagation/payload";
import { signingSecrets } from "@/lib/propagation/webhook-signature";
import type { Db } from "../connection";
import { appendAuditEntry } from "../staff/audit-chain";

/**
 * A claim older than this was lost (the dispatcher died mid-attempt): one attempt takes at most
 * DELIVERY_TIMEOUT_MS, and the margin covers recording its outcome. The delivery is then tried again.
 */
export const CLAIM_EXPIRY_MS = DELIVERY_TIMEOUT_MS + 20_000;

/** What the sender needs for one attempt: the delivery's webhook-id (the same on every retry), where, with what secrets, what body. */
export type WebhookTarget = { deliveryId: number; webhookId: string; url: string; secrets: string[]; body: string };

/** What one attempt came to; `refused` names why the endpoint guard refused the endpoint (then nothing was sent). */
export type WebhookAttempt = { outcome: AttemptOutcome; refused?: EndpointRefusal; body: string | null };

export type SendWebhook = (target: WebhookTarget) => Promise<WebhookAttempt>;

export type WebhookDispatchOptions = {
  /** Most deliveries claimed in one run. */
  limit?: number;
  /** Most attempts in flight at once. */
  concurrency?: number;
  now?: () => number;
  /** The retry jitter's random source, [0, 1). */
  random?: () => number;
};

export type WebhookDispatchResult = { claimed: number; delivered: number; retrying: number; parked: number; disabled: number };

/** A claimed delivery: the target and what recording its outcome needs. */
export type WebhookClaim = WebhookTarget & {
  pathId: number;
  recipientId: number;
  attempts: number;
  firstAttemptAt: number;
  claimedAt: number;
};

type DueRow = {
  id: number;
  uid: string;
  recipientId: number;
  identifiers: string;
  eventId: number;
  eventUid: string;
  type: PropagationEventType;
  occurredAt: number;
  data: string | null;
  pathId: number;
  url: string;
  secret: string;
  previousSecret: string | null;
  rotatedAt: number | null;
};

/**
 * Claims the webhook deliveries due now, in one transaction: queued, due, not claimed (or claimed so long ago
 * the claim was lost), for recipients with an active webhook, and only the oldest unfinished delivery of each
 * recipient and person, so deliveries about one person leave in the order they happened (a retrying one holds
 * the later ones back; a parked one no longer does, since recipients drop older sequences). A delivery without
 * identifiers has no payload and waits for an officer; it holds nothing back. A claim counts the attempt.
 */
export function claimDueWebhooks(db: Db, now: number, limit: number): WebhookClaim[] {
  const sql = db.$client;
  const due = sql.prepare(
    `SELECT d.id, d.uid, d.recipient_id AS recipientId, d.identifiers, e.id AS eventId, e.uid AS eventUid, e.type,
            e.occurred_at AS occurredAt, e.data, p.id AS pathId, p.url, p.secret, p.previous_secret AS previousSecret,
            p.rotated_at AS rotatedAt
     FROM deliveries d
     JOIN recipient_paths p ON p.recipient_id = d.recipient_id AND p.kind = 'webhook' AND p.status = 'active'
       AND p.url IS NOT NULL AND p.secret IS NOT NULL
     JOIN propagation_events e ON e.id = d.event_id
     WHERE d.state = 'queued' AND d.next_attempt_at <= ? AND d.identifiers IS NOT NULL AND d.outbox_id IS NULL
       AND (d.claimed_at IS NULL OR d.claimed_at <= ?)
       AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.recipient_id = d.recipient_id AND o.subject_id = d.subject_id
                       AND o.id < d.id AND o.state = 'queued' AND o.identifiers IS NOT NULL AND o.outbox_id IS NULL)
     ORDER BY d.next_attempt_at, d.id
     LIMIT ?`,
  );
  const claim = sql.prepare(
    `UPDATE deliveries SET claimed_at = ?, attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, ?)
     WHERE id = ? AND state = 'queued' AND (claimed_at IS NULL OR claimed_at <= ?)
     RETURNING attempts, first_attempt_at AS firstAttemptAt`,
  );
  const invalid = sql.prepare(
    "UPDATE deliveries SET state = 'parked', last_outcome = 'invalid-payload', next_attempt_at = ? WHERE id = ? AND state = 'queued'",
  );
  return sql
    .transaction(() => {
      const stale = now - CLAIM_EXPIRY_MS;
      const claims: WebhookClaim[] = [];
      const seen = new Set<number>();
      for (const row of due.all(now, stale, limit) as DueRow[]) {
        if (seen.has(row.id)) continue; // a recipient holds one active webhook; this guards against a second
        seen.add(row.id);
        let payload: ReturnType<typeof deliveryPayload>;
        try {
          payload = deliveryPayload(
            {
              id: row.eventId,
              uid: row.eventUid,
              type: row.type,
              occurredAt: new Date(row.occurredAt),
              data: row.data && JSON.parse(row.data),
            },
            { identifiers: JSON.parse(row.identifiers) },
          );
        } catch {
          // A stored event that no longer fits its schema is Candor's bug: parked for an officer, not retried forever.
          invalid.run(now, row.id);
          continue;
        }
        if (!payload) continue;
        const claimed = claim.get(now, now, row.id, stale) as { attempts: number; firstAttemptAt: number } | undefined;
        if (!claimed) continue;
        claims.push({
          deliveryId: row.id,
          webhookId: row.uid,
          url: row.url,
          secrets: signingSecrets({ secret: row.secret, previousSecret: row.previousSecret, rotatedAt: row.rotatedAt }, now),
          body: JSON.stringify(payload),
          pathId: row.pathId,
          recipientId: row.recipientId,
          attempts: claimed.attempts,
          firstAttemptAt: claimed.firstAttemptAt,
          claimedAt: now,
        });
      }
      return claims;
    })
    .immediate();
}

export type RecordedStep = "delivered" | "retrying" | "parked" | "disabled" | "lost";

/**
 * Records one attempt's outcome (lib/propagation/delivery-schedule.ts): delivered on 2xx; on 410 the webhook
 * path is disabled ("gone"), the officer told through the audit log (privacy operations stops counting the
 * path as working), and the delivery goes back to the queue for another path or an officer; otherwise a
 * retry after a jittered wait, or parked once the retry window ran out. A refused endpoint is recorded under
 * its refusal code and retried like a failure. The claim time is the claim's token: an answer that arrives
 * after its claim was taken for lost changes nothing ("lost"), except that a 2xx is still recorded.
 * The body is not kept once the person's deliveries were scrubbed.
 */
export function recordWebhookAttempt(
  db: Db,
  claim: WebhookClaim,
  attempt: WebhookAttempt,
  now: number,
  random: () => number,
): RecordedStep {
  const sql = db.$client;
  const outcomeText = attempt.refused ?? String(attempt.outcome);
  const response = attempt.body;
  const step = nextDeliveryStep(claim.attempts, claim.firstAttemptAt, now, attempt.outcome, random);
  return sql
    .transaction((): RecordedStep => {
      if (step.next === "delivered") {
        const changed = sql
          .prepare(
            `UPDATE deliveries SET state = 'delivered', delivered_at = ?, delivered_via = 'webhook', claimed_at = NULL, last_outcome = ?,
               last_response = CASE WHEN scrubbed_at IS NULL THEN ? END
             WHERE id = ? AND state = 'queued'`,
          )
          .run(now, outcomeText, response, claim.deliveryId).changes;
        return changed ? "delivered" : "lost";
      }
      const settle = (state: "queued" | "parked", nextAttemptAt: number) =>
        sql
          .prepare(
            `UPDATE deliveries SET state = ?, next_attempt_at = ?, claimed_at = NULL, last_outcome = ?,
               last_response = CASE WHEN scrubbed_at IS NULL THEN ? END
             WHERE id = ? AND state = 'queued' AND claimed_at = ?`,
          )
          .run(state, nextAttemptAt, outcomeText, response, claim.deliveryId, claim.claimedAt).changes > 0;
      if (step.next === "retry") return settle("queued", step.nextAttemptAt) ? "retrying" : "lost";
      if (step.next === "parked") return settle("parked", now) ? "parked" : "lost";
      // 410 Gone: back to the queue at once, for the recipient's other paths or an officer.
      if (!settle("queued", now)) return "lost";
      const disabled = sql
        .prepare(
          "UPDATE recipient_paths SET status = 'disabled', disabled_at = ?, disabled_reason = 'gone', updated_at = ? WHERE id = ? AND status = 'active'",
        )
        .run(now, now, claim.pathId).changes;
      if (disabled)
        appendAuditEntry(db, {
          actorId: null,
          actorLabel: "system",
          action: "recipient-path.gone",
          targetType: "recipient",
          targetId: claim.recipientId,
          details: { pathId: claim.pathId, kind: "webhook", answer: 410, delivery: claim.webhookId },
          at: new Date(now),
        });
      return "disabled";
    })
    .immediate();
}

/**
 * One dispatch run on a connection: claims what is due and sends it through `send` (lib/server/webhook-sender.ts)
 * with at most `concurrency` attempts in flight, recording each outcome as it comes back.
 */
export async function dispatchWebhooks(db: Db, send: SendWebhook, options: WebhookDispatchOptions = {}): Promise<WebhookDispatchResult> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const result: WebhookDispatchResult = { claimed: 0, delivered: 0, retrying: 0, parked: 0, disabled: 0 };
  const claims = claimDueWebhooks(db, now(), options.limit ?? 100);
  result.claimed = claims.length;
  let next = 0;
  const worker = async () => {
    while (next < claims.length) {
      const claim = claims[next++];
      let attempt: WebhookAttempt;
      try {
        attempt = await send(claim);
      } catch {
        // The sender never throws by contract; if it does, the attempt failed without an answer.
        attempt = { outcome: "network-error", body: null };
      }
      const step = recordWebhookAttempt(db, claim, attempt, now(), random);
      if (step !== "lost") result[step]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, claims.length) }, worker));
  return result;
}
