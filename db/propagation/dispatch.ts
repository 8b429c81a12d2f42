import { BASE_DELAY_MS, nextDeliveryStep, type AttemptOutcome } from "@/lib/propagation/delivery-schedule";
import type { EndpointRefusal } from "@/lib/propagation/endpoint-guard";
import type { Db } from "../connection";
import { appendAuditEntry } from "../staff/audit-chain";
import { claimWebhooks, dueWebhooks, type DueWebhook, type WebhookClaim, type WebhookTarget } from "./claim";
import { perConnection } from "../prepared";

export { CLAIM_EXPIRY_MS, claimWebhook, claimWebhooks, dueWebhooks } from "./claim";
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
  /** Where claims and outcomes are written (default: on the dispatcher's connection; the server sends them to its writer thread). */
  store?: WebhookStore;
};

/** The dispatcher's two writes: claiming a round of due deliveries, and recording the outcomes that came back. */
export type WebhookStore = {
  claim: (round: DueWebhook[], now: number) => Promise<(WebhookClaim | null)[]> | (WebhookClaim | null)[];
  record: (answered: { claim: WebhookClaim; attempt: WebhookAttempt }[], now: number) => Promise<RecordedStep[]> | RecordedStep[];
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
const statements = perConnection((db) => prepare(db.$client));

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
  return recordWebhookAttempts(db, [{ claim, attempt }], now, random)[0];
}

/** Records the outcomes of several attempts in one IMMEDIATE transaction (recordWebhookAttempt says how each is read). */
export function recordWebhookAttempts(
  db: Db,
  answered: readonly { claim: WebhookClaim; attempt: WebhookAttempt }[],
  now: number,
  random: () => number,
): RecordedStep[] {
  const s = statements(db);
  return db.$client.transaction(() => answered.map(({ claim, attempt }) => recordOne(db, s, claim, attempt, now, random))).immediate();
}

function recordOne(
  db: Db,
  s: ReturnType<typeof prepare>,
  claim: WebhookClaim,
  attempt: WebhookAttempt,
  now: number,
  random: () => number,
): RecordedStep {
  const outcomeText = attempt.refused ?? String(attempt.outcome);
  const response = attempt.body;
  const step = nextDeliveryStep(claim.attempts, claim.firstAttemptAt, now, attempt.outcome, random);
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
}

/**
 * One dispatch run on a connection: reads what is due (dueWebhooks, at most `concurrency` per recipient) and sends
 * it through `send` (lib/server/webhook-sender.ts), all at once: each recipient gets one round of at most `concurrency`
 * attempts per run, so a recipient whose endpoint hangs delays the others by one timeout per run at most (its next
 * attempts then wait out their backoff), never by its backlog. Every delivery read has a worker free to send it, so
 * the round is claimed in one transaction as it starts: a claim is never older than one attempt and its recording
 * (well within CLAIM_EXPIRY_MS), and another dispatcher (npm run deliveries beside the server, two servers during a
 * deploy) never takes a claim that is merely waiting its turn. Outcomes are recorded together as they come back:
 * the answers the event loop hands over in one turn share one transaction.
 */
export async function dispatchWebhooks(db: Db, send: SendWebhook, options: WebhookDispatchOptions = {}): Promise<WebhookDispatchResult> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const concurrency = options.concurrency ?? 8;
  const result: WebhookDispatchResult = { claimed: 0, delivered: 0, retrying: 0, parked: 0, disabled: 0, failed: 0 };
  const rest = restingOn(db);
  const round = dueWebhooks(db, now(), options.limit ?? 100, concurrency).filter((due) => (rest.get(due.recipientId) ?? 0) <= now());
  if (round.length === 0) return result;
  const store: WebhookStore = options.store ?? {
    claim: (due, at) => claimWebhooks(db, due, at),
    record: (answered, at) => recordWebhookAttempts(db, answered, at, random),
  };
  let claims: (WebhookClaim | null)[];
  try {
    claims = await store.claim(round, now());
  } catch {
    // The store is busy past its timeout: nothing was claimed; the next run reads them again.
    result.failed += round.length;
    return result;
  }
  const lanes = new Map<number, { tried: number; answered: number }>();
  const recorder = outcomeRecorder(store, now, result);
  await Promise.all(
    claims.map(async (claim) => {
      if (!claim) return; // sent, claimed or changed meanwhile
      result.claimed++;
      let attempt: WebhookAttempt;
      try {
        attempt = await send(claim);
      } catch {
        // The sender never throws by contract; if it does, the attempt failed without an answer.
        attempt = { outcome: "network-error", body: null };
      }
      const lane = lanes.get(claim.recipientId) ?? { tried: 0, answered: 0 };
      lanes.set(claim.recipientId, lane);
      lane.tried++;
      if (typeof attempt.outcome === "number" && !attempt.refused) lane.answered++;
      await recorder.record(claim, attempt);
    }),
  );
  // An endpoint that answered nothing this round (timeouts, refused or unreachable) rests as long as its failed
  // attempts wait at least, so its other people's deliveries do not each cost the next runs a timeout.
  for (const [recipientId, lane] of lanes)
    if (lane.tried > 0 && lane.answered === 0) rest.set(recipientId, now() + BASE_DELAY_MS / 2);
    else if (lane.answered > 0) rest.delete(recipientId);
  return result;
}

/**
 * Gathers outcomes and records those that came back in the same turn of the event loop in one transaction. An
 * outcome the store refused (busy past its timeout) stays unrecorded: its claim stands until it runs out, and the
 * delivery is then tried again under the same webhook-id.
 */
function outcomeRecorder(store: WebhookStore, now: () => number, result: WebhookDispatchResult) {
  let pending: { claim: WebhookClaim; attempt: WebhookAttempt; done: () => void }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const steps = await store.record(
        batch.map(({ claim, attempt }) => ({ claim, attempt })),
        now(),
      );
      for (const step of steps) if (step !== "lost") result[step]++;
    } catch {
      result.failed += batch.length;
    }
    for (const item of batch) item.done();
  };
  return {
    record: (claim: WebhookClaim, attempt: WebhookAttempt) =>
      new Promise<void>((done) => {
        if (pending.length === 0) setImmediate(() => void flush());
        pending.push({ claim, attempt, done });
      }),
  };
}

// Per connection (the dispatcher's own): when each resting recipient may be tried again.
const resting = new WeakMap<Db["$client"], Map<number, number>>();
function restingOn(db: Db): Map<number, number> {
  let rest = resting.get(db.$client);
  if (!rest) resting.set(db.$client, (rest = new Map()));
  return rest;
}
