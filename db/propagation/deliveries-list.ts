import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "@/lib/errors";
import type { PropagationEventType } from "@/lib/propagation/events";
import { replayRefusal, type ReplayRefusal } from "@/lib/propagation/replay";
import { deliveryStates, type DeliveryState, type PathKind, type Confirmer } from "@/lib/propagation/vocabulary";
import type { Db } from "../connection";
import { deliveries, propagationEvents, purposes, recipients } from "../schema";

/**
 * One delivery as a recipient's deliveries page shows it: what was sent and how far it got. No person in it
 * (no subject, no identifiers, no response body): marketing and administrators read this page too.
 */
export type DeliveryListRow = {
  id: number;
  /** The webhook-id, the same on every attempt: what the recipient's logs show. */
  uid: string;
  eventType: PropagationEventType;
  /** The consent change's purpose; null for subject events, which are about the person. */
  purpose: { key: string; name: string } | null;
  state: DeliveryState;
  attempts: number;
  /** An HTTP status or the reason there was none (lib/propagation/delivery-filters.ts, describeOutcome). */
  lastOutcome: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  deliveredVia: PathKind | null;
  confirmedAt: Date | null;
  confirmedVia: Confirmer | null;
  createdAt: Date;
  /** Why it can never be sent again (its identifiers were scrubbed, or it never had any); null when it can. */
  refusal: ReplayRefusal | null;
};

export type RecipientDeliveries = {
  recipient: { id: number; name: string };
  /** How many of the recipient's deliveries are in each state, whatever the filter. */
  counts: Record<DeliveryState, number>;
  rows: DeliveryListRow[];
  hasMore: boolean;
};

export type RecipientDeliveriesQuery = { recipientId: number; state?: DeliveryState; page: number; pageSize: number };

/** A recipient's deliveries, newest first, optionally in one state; throws NotFoundError for an unknown recipient. */
export function listRecipientDeliveries(db: Db, q: RecipientDeliveriesQuery): RecipientDeliveries {
  const recipient = db.select({ id: recipients.id, name: recipients.name }).from(recipients).where(eq(recipients.id, q.recipientId)).get();
  if (!recipient) throw new NotFoundError("recipient");
  const counts = Object.fromEntries(deliveryStates.map((s) => [s, 0])) as Record<DeliveryState, number>;
  const byState = db
    .select({ state: deliveries.state, n: count() })
    .from(deliveries)
    .where(eq(deliveries.recipientId, q.recipientId))
    .groupBy(deliveries.state)
    .all();
  for (const { state, n } of byState) counts[state] = n;

  const where: SQL[] = [eq(deliveries.recipientId, q.recipientId)];
  if (q.state) where.push(eq(deliveries.state, q.state));
  const rows = db
    .select({
      id: deliveries.id,
      uid: deliveries.uid,
      eventType: propagationEvents.type,
      purposeKey: purposes.key,
      purposeName: purposes.name,
      state: deliveries.state,
      attempts: deliveries.attempts,
      lastOutcome: deliveries.lastOutcome,
      nextAttemptAt: deliveries.nextAttemptAt,
      deliveredAt: deliveries.deliveredAt,
      deliveredVia: deliveries.deliveredVia,
      confirmedAt: deliveries.confirmedAt,
      confirmedVia: deliveries.confirmedVia,
      createdAt: deliveries.createdAt,
      scrubbedAt: deliveries.scrubbedAt,
      // Whether it holds identifiers, never which: the page shows no person.
      hasIdentifiers: sql<number>`${deliveries.identifiers} IS NOT NULL`,
    })
    .from(deliveries)
    .innerJoin(propagationEvents, eq(propagationEvents.id, deliveries.eventId))
    .leftJoin(purposes, eq(purposes.id, propagationEvents.purposeId))
    .where(and(...where))
    .orderBy(desc(deliveries.id))
    .limit(q.pageSize + 1)
    .offset((q.page - 1) * q.pageSize)
    .all();
  return {
    recipient,
    counts,
    rows: rows.slice(0, q.pageSize).map(({ purposeKey, purposeName, scrubbedAt, hasIdentifiers, ...r }) => ({
      ...r,
      purpose: purposeKey !== null && purposeName !== null ? { key: purposeKey, name: purposeName } : null,
      refusal: replayRefusal({ scrubbedAt, hasIdentifiers: hasIdentifiers === 1 }),
    })),
    hasMore: rows.length > q.pageSize,
  };
}
