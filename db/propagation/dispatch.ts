import { BASE_DELAY_MS, nextDeliveryStep, type AttemptOutcome } from "@/lib/propagation/delivery-schedule";
import type { EndpointRefusal } from "@/lib/propagation/endpoint-guard";
import type { Db } from "../connection";
import { appendAuditEntry } from "../staff/audit-chain";
import { claimWebhook, dueWebhooks, type DueWebhook, type WebhookClaim, type WebhookTarget } from "./claim";

export { CLAIM_EXPIRY_MS, claimWebhook, dueWebhooks } from "./claim";
export type { DueWebhook, WebhookClaim, WebhookTarget } from "./claim";

/** What one attempt came to; `refused` names why the endpoint guard refused the endpoint (then nothing was sent). */
export type WebhookAttempt = { outcome: AttemptOutcome; refused?: EndpointRefusal; body: string | null };

export type SendWebhook = (target: WebhookTarget) => Promise<WebhookAttempt>;

export type WebhookDispatchOptions = {
  /** Most due deliveries read in one run (each claimed when a worker is free to send it). */
  limit?: number;
  /** Most attempts in flight at once to one recipient. */
  concurrency?: number;
  now?: () => number;
  /** The retry jitter's random source, [0, 1). */
  random?: () => number;
};

export type WebhookDispatchResult = {
  claimed: number;
  delivered: number;
  retrying: number;
  parked: number;
  disabled: number;
  /** Claims or outcomes the store refused (SQLITE_BUSY): an unrecorded attempt is tried again once its claim runs out. */
  failed: number;
};

export type RecordedStep = "delivered" | "retrying" | "parked" | "disabled" | "lost";

// Prepared once per connection: an outcome is recorded for every attempt.
function prepare(sql: Db["$client"]) {
  return {
    delivered: sql.prepare(
      `UPDATE deliveries SET state = 'delivered', delivered_at = ?, delivered_via = 'webhook', claimed_at = NULL, last_outcome = ?,
         last_response = CASE WHEN scrubbed_at IS NULL THEN ? END
       WHERE id = ? AND state = 'queued'`,
    ),
    settle: sql.prepare(
      `UPDATE deliveries SET state = ?, next_attempt_at = ?, claimed_at = NULL, last_outcome = ?,
         last_response = CASE WHEN scrubbed_at IS NULL THEN ? END
       WHERE id = ? AND state = 'queued' AND claimed_at = ?`,
    ),
    gone: sql.prepare(
      "UPDATE recipient_paths SET status = 'disabled', disabled_at = ?, disabled_reason = 'gone', updated_at = ? WHERE id = ? AND status = 'active'",
    ),
  };
}
const prepared = new WeakMap<Db["$client"], ReturnType<typeof prepare>>();
function statements(db: Db) {
  let s = prepared.get(db.$client);
  if (!s) prepared.set(db.$client, (s = prepare(db.$client)));
  return s;
}

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
  const s = statements(db);
  const outcomeText = attempt.refused ?? String(attempt.outcome);
  const response = attempt.body;
  const step = nextDeliveryStep(claim.attempts, claim.firstAttemptAt, now, attempt.outcome, random);
  return sql
    .transaction((): RecordedStep => {
      if (step.next === "delivered") {
        const changed = s.delivered.run(now, outcomeText, response, claim.deliveryId).changes;
        return changed ? "delivered" : "lost";
      }
      const settle = (state: "queued" | "parked", nextAttemptAt: number) =>
        s.settle.run(state, nextAttemptAt, outcomeText, response, claim.deliveryId, claim.claimedAt).changes > 0;
      if (step.next === "retry") return settle("queued", step.nextAttemptAt) ? "retrying" : "lost";
      if (step.next === "parked") return settle("parked", now) ? "parked" : "lost";
      // 410 Gone: back to the queue at once, for the recipient's other paths or an officer.
      if (!settle("queued", now)) return "lost";
      const disabled = s.gone.run(now, now, claim.pathId).changes;
      if (disabled)
        appendAuditEntry(db, {
          actorId: null,
          actorLabel: "system",
          action: "recipient.path.gone",
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
 * One dispatch run on a connection: reads what is due (dueWebhooks) and sends it through `send`
 * (lib/server/webhook-sender.ts), each recipient in a lane of its own with at most `concurrency` attempts in
 * flight and one round of them per run, so a recipient whose endpoint hangs delays the others by one timeout per
 * run at most (its next attempts then wait out their backoff), never by its backlog. A delivery is
 * claimed only when a worker is free to send it, so a claim is never older than one attempt and its recording
 * (well within CLAIM_EXPIRY_MS), and another dispatcher (npm run deliveries beside the server, two servers during a
 * deploy) never takes a claim that is merely waiting its turn. Each outcome is recorded as it comes back.
 */
export async function dispatchWebhooks(db: Db, send: SendWebhook, options: WebhookDispatchOptions = {}): Promise<WebhookDispatchResult> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const concurrency = options.concurrency ?? 8;
  const result: WebhookDispatchResult = { claimed: 0, delivered: 0, retrying: 0, parked: 0, disabled: 0, failed: 0 };
  const rest = restingOn(db);
  const lanes = new Map<number, { due: DueWebhook[]; tried: number; answered: number }>();
  // One round per recipient per run: a recipient whose endpoint hangs holds a run for one timeout at most, and its
  // backlog never crowds the others out of what is read (the loop runs again at once while work remains).
  for (const due of dueWebhooks(db, now(), options.limit ?? 100, concurrency)) {
    if ((rest.get(due.recipientId) ?? 0) > now()) continue;
    const lane = lanes.get(due.recipientId) ?? { due: [], tried: 0, answered: 0 };
    lane.due.push(due);
    lanes.set(due.recipientId, lane);
  }
  const worker = async (lane: { due: DueWebhook[]; tried: number; answered: number }) => {
    for (let due = lane.due.shift(); due; due = lane.due.shift()) {
      let claim: WebhookClaim | null;
      try {
        claim = claimWebhook(db, due, now());
      } catch {
        // The store is busy past its timeout: this worker stops; the others finish what they are sending.
        result.failed++;
        return;
      }
      if (!claim) continue; // sent, claimed or changed meanwhile
      result.claimed++;
      let attempt: WebhookAttempt;
      try {
        attempt = await send(claim);
      } catch {
        // The sender never throws by contract; if it does, the attempt failed without an answer.
        attempt = { outcome: "network-error", body: null };
      }
      lane.tried++;
      if (typeof attempt.outcome === "number" && !attempt.refused) lane.answered++;
      try {
        const step = recordWebhookAttempt(db, claim, attempt, now(), random);
        if (step !== "lost") result[step]++;
      } catch {
        // Unrecorded, the claim stands until it runs out; then the delivery is tried again under its webhook-id.
        result.failed++;
      }
    }
  };
  // The run ends only when every worker has, so the loop never starts another run beside attempts still in flight.
  const workers = [...lanes.values()].flatMap((lane) => Array.from({ length: Math.min(concurrency, lane.due.length) }, () => worker(lane)));
  const settled = await Promise.allSettled(workers);
  result.failed += settled.filter((w) => w.status === "rejected").length;
  // An endpoint that answered nothing this round (timeouts, refused or unreachable) rests as long as its failed
  // attempts wait at least, so its other people's deliveries do not each cost the next runs a timeout.
  for (const [recipientId, lane] of lanes)
    if (lane.tried > 0 && lane.answered === 0) rest.set(recipientId, now() + BASE_DELAY_MS / 2);
    else if (lane.answered > 0) rest.delete(recipientId);
  return result;
}

// Per connection (the dispatcher's own): when each resting recipient may be tried again.
const resting = new WeakMap<Db["$client"], Map<number, number>>();
function restingOn(db: Db): Map<number, number> {
  let rest = resting.get(db.$client);
  if (!rest) resting.set(db.$client, (rest = new Map()));
  return rest;
}
