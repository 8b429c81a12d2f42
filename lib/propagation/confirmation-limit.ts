import { z } from "zod";
import { formInt } from "../forms";
import type { PropagationEventType } from "./events";
import type { DeliveryState } from "./vocabulary";

/**
 * How long a recipient has to act on a change before privacy operations lists it (issue 14, deliverable 7):
 * a brand setting, a week unless the brand chooses otherwise, never more than a quarter (a recipient that
 * has not acted in 90 days is not going to without being chased).
 */
export const confirmationLimitDays = { default: 7, min: 1, max: 90 } as const;

/** The brand settings form's field. */
export const confirmationLimitSchema = z.object({
  confirmationLimitDays: formInt(confirmationLimitDays.min, confirmationLimitDays.max),
});
export type ConfirmationLimitInput = z.infer<typeof confirmationLimitSchema>;

/**
 * The states in which a delivery still waits on its recipient. A request's change (erasure, rectification,
 * restriction, objection, opt-out, limit) waits until the recipient or an officer confirms it was acted on
 * (GDPR Art. 19, CCPA §7022(b)); nobody confirms a consent change, so it waits only until a path carried it.
 * A superseded delivery waits on nothing: a later one carries its change.
 */
export function awaitingStates(type: PropagationEventType): readonly DeliveryState[] {
  return type === "consent.changed" ? ["queued", "parked"] : ["queued", "delivered", "parked"];
}

/** Whether a delivery of this type in this state still waits on its recipient (see awaitingStates). */
export function awaitsRecipient(type: PropagationEventType, state: DeliveryState): boolean {
  return awaitingStates(type).includes(state);
}
