/**
 * The words of propagation (issue 14), each defined once: how a recipient is reached, where a path stands,
 * and where one delivery stands. Labels live in the "recipients" catalog under the same codes.
 */

/**
 * How a recipient is reached: a signed webhook Candor posts to; a pull feed the recipient reads with its
 * own key; or an email to its privacy contact that opens a task an officer closes.
 */
export const pathKinds = ["webhook", "feed", "email"] as const;
export type PathKind = (typeof pathKinds)[number];

/** A path works until a recipient answers 410 Gone (webhook) or an officer switches it off. */
export const pathStatuses = ["active", "disabled"] as const;
export type PathStatus = (typeof pathStatuses)[number];

/** An email path writes one message per event, or one a day listing the day's events. */
export const emailBatchings = ["each", "daily"] as const;
export type EmailBatching = (typeof emailBatchings)[number];

/**
 * Where one delivery (one event, for one recipient) stands:
 * queued until a path carries it; delivered when a webhook answered 2xx, the feed served it past the
 * recipient's cursor, or the email left; confirmed when the recipient (by API) or an officer (with a note)
 * says it was acted on; parked after the retry window ran out; superseded when a parked delivery was
 * overtaken by a later one for the same person and purpose (never replayed).
 */
export const deliveryStates = ["queued", "delivered", "confirmed", "parked", "superseded"] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** The states in which a delivery still waits on someone: the recipient, a retry, or an officer. */
export const unconfirmedDeliveryStates = ["queued", "delivered", "parked"] as const satisfies readonly DeliveryState[];

/** Who confirmed a delivery. */
export const confirmers = ["recipient", "officer"] as const;
export type Confirmer = (typeof confirmers)[number];

/** The acknowledgement a request page shows per recipient: the furthest state any of its deliveries reached. */
export type AcknowledgementState = "queued" | "delivered" | "confirmed" | "parked";

/**
 * One recipient's acknowledgement of a change, from the states of the deliveries the change made for it
 * (usually one): confirmed only when every one is, delivered when each at least left, parked when any is
 * parked, queued otherwise. A superseded delivery counts as carried by the later one that replaced it.
 */
export function acknowledgement(states: readonly DeliveryState[]): AcknowledgementState {
  const live = states.filter((s) => s !== "superseded");
  if (live.length === 0) return "confirmed";
  if (live.every((s) => s === "confirmed")) return "confirmed";
  if (live.some((s) => s === "parked")) return "parked";
  if (live.every((s) => s === "confirmed" || s === "delivered")) return "delivered";
  return "queued";
}
