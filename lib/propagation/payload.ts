import { buildEvent, type EventData, type EventIdentifiers, type PropagationEvent, type PropagationEventType } from "./events";

/**
 * The outcome recorded on a delivery whose recipient holds none of the person's identifiers (no external id,
 * and no email sent to it): its identifiers are null from the start, nothing can name the person to it, and
 * the page says so ("no identifier the recipient holds; confirm by hand").
 */
export const NO_IDENTIFIER_OUTCOME = "no-identifier";

/** The outcome the dispatcher and the feed record on a delivery whose stored event no longer fits its schema (parked for an officer). */
export const INVALID_PAYLOAD_OUTCOME = "invalid-payload";

/** A stored propagation event as the payload needs it (db/schema/propagation.ts, propagation_events). */
export type StoredEvent = {
  /** The row id: the sequence recipients see. It only grows, so it orders a person's events per purpose and per recipient. */
  id: number;
  uid: string;
  type: PropagationEventType;
  occurredAt: Date;
  /** The event type's data; null once scrubbed. */
  data: Record<string, unknown> | null;
};

/** A stored delivery as the payload needs it: the identifiers this recipient already holds, null once scrubbed or when it holds none. */
export type StoredDelivery = { identifiers: { externalId?: string; email?: string } | null };

/**
 * The JSON one recipient receives for one delivery, the same through a webhook, the pull feed and an email:
 * the event's id, versioned type, time and data, the propagation event's row id as its sequence, and as its
 * subject only the identifiers stored on this delivery. Null when there is nothing that may be sent: the
 * delivery's identifiers are null (scrubbed after an erasure settled, or the recipient holds none of the
 * person's identifiers, which an officer confirms by hand) or the event's data was scrubbed. Dispatch and
 * the feed skip a delivery without a payload; they never send an event that cannot name the person.
 */
export function deliveryPayload(event: StoredEvent, delivery: StoredDelivery): PropagationEvent | null {
  const ids = delivery.identifiers;
  if (!ids || event.data === null) return null;
  const subject: EventIdentifiers = {};
  if (ids.externalId) subject.externalId = ids.externalId;
  if (ids.email) subject.email = ids.email;
  if (subject.externalId === undefined && subject.email === undefined) return null;
  return buildEvent(event.type, {
    id: event.uid,
    occurredAt: event.occurredAt,
    sequence: event.id,
    subject,
    data: event.data as EventData<typeof event.type>,
  });
}
