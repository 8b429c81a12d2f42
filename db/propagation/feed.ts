import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, max, min, sql } from "drizzle-orm";
import { MAX_FEED_LIMIT } from "@/lib/api/feed-schemas";
import type { PropagationEvent } from "@/lib/propagation/events";
import { deliveryPayload, INVALID_PAYLOAD_OUTCOME } from "@/lib/propagation/payload";
import { unconfirmedDeliveryStates, type PathStatus } from "@/lib/propagation/vocabulary";
import type { Db } from "../connection";
import { deliveries, propagationEvents, recipientPaths } from "../schema";

/**
 * The pull feed (issue 14, deliverable 6): a recipient reads its deliveries in id order with its own key, and
 * a cursor says how far it got. At least once: reading with cursor c is what acknowledges everything up to c
 * (those deliveries become delivered, via the feed), so a recipient that crashes before storing the next
 * cursor reads the same entries again, under the same ids as a webhook would carry (the delivery's uid,
 * and the event's uid inside the payload).
 *
 * A feed hands out only what still waits on the recipient: never a delivery that is confirmed, superseded or
 * scrubbed. A key, once made, must not become a way to read back the recipient's acknowledged history with
 * every person's identifiers in it; a new feed path starts where that history ends (feedStart).
 */

/** The recipient a recipient key belongs to: the path that holds the key (the feed path), and whether it is on. */
export type KeyRecipient = { recipientId: number; pathId: number; status: PathStatus };

export function recipientOfKey(db: Db, apiKeyId: number): KeyRecipient | undefined {
  return db
    .select({ recipientId: recipientPaths.recipientId, pathId: recipientPaths.id, status: recipientPaths.status })
    .from(recipientPaths)
    .where(eq(recipientPaths.apiKeyId, apiKeyId))
    .orderBy(sql`${recipientPaths.status} = 'active' DESC`, desc(recipientPaths.id))
    .limit(1)
    .get();
}

/** Deliveries the feed may hand out: still waiting on the recipient, and not scrubbed after an erasure settled. */
const servable = () => and(inArray(deliveries.state, unconfirmedDeliveryStates), isNull(deliveries.scrubbedAt));

/**
 * Where a new feed of this recipient starts: just below its oldest delivery the feed could hand out (not yet
 * confirmed, naming someone), so nothing already acknowledged goes to a new key; past its last delivery when
 * none waits.
 */
export function feedStart(db: Db, recipientId: number): number {
  const oldest = db
    .select({ id: min(deliveries.id) })
    .from(deliveries)
    .where(and(eq(deliveries.recipientId, recipientId), servable(), isNotNull(deliveries.identifiers)))
    .get()?.id;
  if (oldest != null) return oldest - 1;
  return lastDelivery(db, recipientId);
}

function lastDelivery(db: Db, recipientId: number): number {
  return (
    db
      .select({ id: max(deliveries.id) })
      .from(deliveries)
      .where(eq(deliveries.recipientId, recipientId))
      .get()?.id ?? 0
  );
}

/** Where the recipient's active feed stands: its start when made, then the furthest cursor it passed. */
function storedCursor(db: Db, recipientId: number): number {
  const path = db
    .select({ cursor: recipientPaths.feedCursor })
    .from(recipientPaths)
    .where(and(eq(recipientPaths.recipientId, recipientId), eq(recipientPaths.kind, "feed"), eq(recipientPaths.status, "active")))
    .orderBy(desc(recipientPaths.id))
    .limit(1)
    .get();
  return path?.cursor ?? 0;
}

export type FeedEntry = { deliveryId: string; event: PropagationEvent };

export type FeedPage = {
  entries: FeedEntry[];
  /** The delivery id to read after next time: past every entry given (and every one skipped). */
  next: number;
  hasMore: boolean;
};

/**
 * One page of a recipient's feed after `cursor` (a delivery id), at most `limit` entries; without a cursor,
 * after where its active feed stands (feedStart when it was made, then the furthest cursor passed).
 * First, with a cursor, every queued or parked delivery of this recipient up to it that the feed could show
 * (it has a payload: identifiers, and its event's data) becomes delivered via the feed, and the cursor is
 * stored on the recipient's feed path. Then the entries: each delivery after the cursor in id order that
 * still waits on the recipient (not confirmed, superseded or scrubbed), with the payload a webhook would
 * carry; ones with nothing to send (no identifier the recipient holds, or the event's data scrubbed) are
 * passed over. Null when the cursor is past every delivery this recipient has: no cursor Candor gave it, and
 * acknowledging deliveries not yet written would lose them.
 */
export function readFeed(db: Db, recipientId: number, page: { cursor: number | null; limit: number }, now = new Date()): FeedPage | null {
  const limit = Math.min(Math.max(1, Math.trunc(page.limit)), MAX_FEED_LIMIT);
  return db.$client
    .transaction((): FeedPage | null => {
      const cursor = page.cursor ?? storedCursor(db, recipientId);
      if (page.cursor !== null && cursor > lastDelivery(db, recipientId)) return null;
      if (page.cursor !== null && cursor > 0) {
        db.update(deliveries)
          .set({ state: "delivered", deliveredAt: now, deliveredVia: "feed" })
          .where(
            and(
              eq(deliveries.recipientId, recipientId),
              lte(deliveries.id, cursor),
              inArray(deliveries.state, ["queued", "parked"]),
              isNotNull(deliveries.identifiers),
              isNull(deliveries.scrubbedAt),
              // Nor what it parked because it could not be shown (below).
              sql`NOT (${deliveries.state} = 'parked' AND ${deliveries.lastOutcome} IS ${INVALID_PAYLOAD_OUTCOME})`,
              // Only what the feed could show: an event whose data was scrubbed has no payload.
              sql`EXISTS (SELECT 1 FROM ${propagationEvents} WHERE ${propagationEvents.id} = ${deliveries.eventId} AND ${propagationEvents.data} IS NOT NULL)`,
            ),
          )
          .run();
        db.update(recipientPaths)
          .set({ feedCursor: sql`max(coalesce(${recipientPaths.feedCursor}, 0), ${cursor})`, updatedAt: now })
          .where(and(eq(recipientPaths.recipientId, recipientId), eq(recipientPaths.kind, "feed")))
          .run();
      }
      const rows = db
        .select({
          id: deliveries.id,
          uid: deliveries.uid,
          identifiers: deliveries.identifiers,
          eventId: propagationEvents.id,
          eventUid: propagationEvents.uid,
          type: propagationEvents.type,
          occurredAt: propagationEvents.occurredAt,
          data: propagationEvents.data,
        })
        .from(deliveries)
        .innerJoin(propagationEvents, eq(propagationEvents.id, deliveries.eventId))
        .where(and(eq(deliveries.recipientId, recipientId), gt(deliveries.id, cursor), servable()))
        .orderBy(asc(deliveries.id))
        .limit(limit + 1)
        .all();
      const hasMore = rows.length > limit;
      const taken = rows.slice(0, limit);
      const entries: FeedEntry[] = [];
      for (const r of taken) {
        let event: PropagationEvent | null;
        try {
          event = deliveryPayload(
            { id: r.eventId, uid: r.eventUid, type: r.type, occurredAt: r.occurredAt, data: r.data ?? null },
            { identifiers: r.identifiers ?? null },
          );
        } catch {
          // A stored event that no longer fits its schema is Candor's bug, not the recipient's: parked for an
          // officer as the dispatcher parks it, and passed over, so one row never stops the whole feed.
          db.update(deliveries)
            .set({ state: "parked", lastOutcome: INVALID_PAYLOAD_OUTCOME, nextAttemptAt: now })
            .where(
              and(
                eq(deliveries.id, r.id),
                inArray(deliveries.state, ["queued", "parked"]),
                sql`${deliveries.lastOutcome} IS NOT ${INVALID_PAYLOAD_OUTCOME}`,
              ),
            )
            .run();
          continue;
        }
        if (event) entries.push({ deliveryId: r.uid, event });
      }
      return { entries, next: taken.at(-1)?.id ?? cursor, hasMore };
    })
    .immediate();
}
