import { and, asc, eq, gt, sql } from "drizzle-orm";
import { ConflictError, NotFoundError, RefusedError } from "@/lib/errors";
import { replayRefusal, supersedes, type SequencedEvent } from "@/lib/propagation/replay";
import type { Db } from "../connection";
import { appendAuditEntry } from "../staff/audit-chain";
import type { Actor } from "../staff/staff";
import { deliveries, propagationEvents, recipients } from "../schema";
import { deliveriesQueued } from "./wake";

/** What a replay did, by delivery uid (the webhook-id, which a replay never changes). */
export type ReplayOutcome = {
  /** Back in the queue, due now, with a fresh retry window. */
  queued: string[];
  /** Overtaken by a later delivery to the same recipient that tells at least as much: marked superseded, never sent. */
  superseded: string[];
  /** Left parked: the person's identifiers are gone (scrubbed after their erasure settled) or were never held. */
  refused: string[];
};

type Parked = { id: number; uid: string; subjectId: number; scrubbedAt: Date | null; hasIdentifiers: number; event: SequencedEvent };

const parkedColumns = {
  id: deliveries.id,
  uid: deliveries.uid,
  subjectId: deliveries.subjectId,
  scrubbedAt: deliveries.scrubbedAt,
  hasIdentifiers: sql<number>`${deliveries.identifiers} IS NOT NULL`,
  event: { id: propagationEvents.id, type: propagationEvents.type, purposeId: propagationEvents.purposeId, data: propagationEvents.data },
};

/** The later events sent to this recipient about this person, which may supersede a parked delivery. */
function laterEvents(db: Db, recipientId: number, d: Parked): SequencedEvent[] {
  return db
    .select(parkedColumns.event)
    .from(deliveries)
    .innerJoin(propagationEvents, eq(propagationEvents.id, deliveries.eventId))
    .where(and(eq(propagationEvents.subjectId, d.subjectId), gt(propagationEvents.id, d.event.id), eq(deliveries.recipientId, recipientId)))
    .all();
}

/** Settles each parked delivery, oldest first: refused after the scrub, superseded by a later one, or queued again now. */
function settle(db: Db, recipientId: number, parked: Parked[], now: Date): ReplayOutcome {
  const outcome: ReplayOutcome = { queued: [], superseded: [], refused: [] };
  const still = eq(deliveries.state, "parked");
  for (const d of parked) {
    if (replayRefusal({ scrubbedAt: d.scrubbedAt, hasIdentifiers: d.hasIdentifiers === 1 })) {
      outcome.refused.push(d.uid);
    } else if (laterEvents(db, recipientId, d).some((later) => supersedes(later, d.event))) {
      db.update(deliveries)
        .set({ state: "superseded", claimedAt: null })
        .where(and(eq(deliveries.id, d.id), still))
        .run();
      outcome.superseded.push(d.uid);
    } else {
      // The uid stays: the recipient dedupes on the webhook-id. The retry window (72 h, five attempts) starts again.
      db.update(deliveries)
        .set({ state: "queued", attempts: 0, firstAttemptAt: null, nextAttemptAt: now, claimedAt: null })
        .where(and(eq(deliveries.id, d.id), still))
        .run();
      outcome.queued.push(d.uid);
    }
  }
  return outcome;
}

function audit(db: Db, recipientId: number, scope: "one" | "parked", outcome: ReplayOutcome, actor: Actor, now: Date): void {
  appendAuditEntry(db, {
    actorId: actor.id,
    actorLabel: actor.email,
    action: "deliveries.replay",
    targetType: "recipient",
    targetId: recipientId,
    at: now,
    details: {
      scope,
      queued: outcome.queued.length,
      superseded: outcome.superseded.length,
      refused: outcome.refused.length,
      deliveries: { queued: outcome.queued, superseded: outcome.superseded, refused: outcome.refused },
    },
  });
}

function parkedOf(db: Db, recipientId: number, deliveryId?: number): Parked[] {
  return db
    .select(parkedColumns)
    .from(deliveries)
    .innerJoin(propagationEvents, eq(propagationEvents.id, deliveries.eventId))
    .where(
      and(
        eq(deliveries.recipientId, recipientId),
        eq(deliveries.state, "parked"),
        deliveryId === undefined ? undefined : eq(deliveries.id, deliveryId),
      ),
    )
    .orderBy(asc(propagationEvents.id))
    .all();
}

/**
 * Replays one parked delivery of a recipient (issue 14, deliverable 5): back to the queue, due now, with its
 * attempts and retry window reset and its uid kept; or marked superseded when a later delivery to the same
 * recipient tells at least as much (lib/propagation/replay.ts). Refused after the scrub (RefusedError
 * "delivery-scrubbed", or "delivery-no-identifier"), for a delivery that is not parked (ConflictError
 * "not-parked") and for one of another recipient (NotFoundError). Audited with what it did.
 */
export function replayDelivery(db: Db, recipientId: number, deliveryId: number, actor: Actor, now = new Date()): ReplayOutcome {
  const outcome = db.$client
    .transaction(() => {
      const row = db
        .select({ state: deliveries.state })
        .from(deliveries)
        .where(and(eq(deliveries.id, deliveryId), eq(deliveries.recipientId, recipientId)))
        .get();
      if (!row) throw new NotFoundError("delivery");
      if (row.state !== "parked") throw new ConflictError("not-parked");
      const parked = parkedOf(db, recipientId, deliveryId);
      const refusal = replayRefusal({ scrubbedAt: parked[0].scrubbedAt, hasIdentifiers: parked[0].hasIdentifiers === 1 });
      if (refusal) throw new RefusedError(`delivery-${refusal}`);
      const settled = settle(db, recipientId, parked, now);
      audit(db, recipientId, "one", settled, actor, now);
      return settled;
    })
    .immediate();
  if (outcome.queued.length > 0) deliveriesQueued();
  return outcome;
}

/**
 * Replays every parked delivery of a recipient, oldest first: each is queued again, superseded, or (after the
 * scrub) left parked and counted as refused. One audit entry names them all. NotFoundError for an unknown recipient.
 */
export function replayParked(db: Db, recipientId: number, actor: Actor, now = new Date()): ReplayOutcome {
  const outcome = db.$client
    .transaction(() => {
      const recipient = db.select({ id: recipients.id }).from(recipients).where(eq(recipients.id, recipientId)).get();
      if (!recipient) throw new NotFoundError("recipient");
      const parked = parkedOf(db, recipientId);
      const settled = settle(db, recipientId, parked, now);
      // Nothing parked (another officer replayed them a moment ago): nothing happened, nothing to record.
      if (parked.length > 0) audit(db, recipientId, "parked", settled, actor, now);
      return settled;
    })
    .immediate();
  if (outcome.queued.length > 0) deliveriesQueued();
  return outcome;
}
