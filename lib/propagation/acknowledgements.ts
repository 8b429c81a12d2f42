import { z } from "zod";
import type { RecipientRole } from "../purposes/vocabulary";
import type { RequestType } from "../requests/vocabulary";
import { confirmNoteSchema } from "./confirmation";
import type { PropagationEventType } from "./events";
import { acknowledgement, type AcknowledgementState, type Confirmer, type DeliveryState, type PathKind } from "./vocabulary";

/**
 * What a request page and the person's export show of a change that reached recipients (issue 14,
 * deliverable 7; GDPR Art. 19): each recipient told, how far its acknowledgement got, and by which path.
 */

/** One delivery as the acknowledgement views read it. */
export type ToldDelivery = {
  id: number;
  uid: string;
  eventType: PropagationEventType;
  state: DeliveryState;
  queuedAt: Date;
  deliveredAt: Date | null;
  deliveredVia: PathKind | null;
  confirmedAt: Date | null;
  confirmedVia: Confirmer | null;
  confirmedByName: string | null;
  confirmNote: string | null;
  /** The recipient holds no identifier of the person, so nothing in the event can name them: an officer must act. */
  noIdentifier: boolean;
};

export type ToldRecipient = { id: number; name: string; role: RecipientRole; country: string };

/** One recipient told about a change: its acknowledgement state and the deliveries behind it, oldest first. */
export type RecipientAcknowledgement = {
  recipient: ToldRecipient;
  state: AcknowledgementState;
  deliveries: ToldDelivery[];
  /** The deliveries still waiting on someone, which an officer may mark confirmed. */
  unconfirmed: ToldDelivery[];
};

/** A delivery waits on someone unless it is confirmed or was overtaken by a later one (superseded). */
export function awaitsConfirmation(state: DeliveryState): boolean {
  return state !== "confirmed" && state !== "superseded";
}

/**
 * Groups deliveries by recipient, in the order the recipients first appear (callers pass them sorted),
 * each with its acknowledgement (lib/propagation/vocabulary.ts: confirmed only when every live one is).
 */
export function groupByRecipient(rows: readonly { recipient: ToldRecipient; delivery: ToldDelivery }[]): RecipientAcknowledgement[] {
  const byId = new Map<number, { recipient: ToldRecipient; deliveries: ToldDelivery[] }>();
  for (const { recipient, delivery } of rows) {
    const group = byId.get(recipient.id) ?? { recipient, deliveries: [] };
    group.deliveries.push(delivery);
    byId.set(recipient.id, group);
  }
  return [...byId.values()].map(({ recipient, deliveries }) => ({
    recipient,
    state: acknowledgement(deliveries.map((d) => d.state)),
    deliveries,
    unconfirmed: deliveries.filter((d) => awaitsConfirmation(d.state)),
  }));
}

/** The steps a request page draws for an acknowledgement; a parked one stops before "delivered" and needs attention. */
export const acknowledgementSteps = ["queued", "delivered", "confirmed"] as const;
export type AcknowledgementStep = (typeof acknowledgementSteps)[number];

/** Each step of an acknowledgement: done, current (where it stands now), still to come, or stuck (parked before delivery). */
export function stepProgress(state: AcknowledgementState): { step: AcknowledgementStep; status: "done" | "current" | "todo" | "stuck" }[] {
  const at = state === "parked" ? 1 : acknowledgementSteps.indexOf(state);
  return acknowledgementSteps.map((step, i) => ({
    step,
    status: i < at ? "done" : i > at ? "todo" : state === "parked" ? "stuck" : state === "confirmed" ? "done" : "current",
  }));
}

/**
 * The request types whose completion tells recipients (Art. 19; CCPA §7022(b), §7026(f)), with the event
 * each sends; a restriction, objection or opt-out also sends consent.changed for each grant it withdraws.
 */
export const requestEvents = {
  deletion: "subject.erased",
  rectification: "subject.rectified",
  restriction: "subject.restricted",
  objection: "subject.objected",
  opt_out_sale: "subject.opted_out",
} as const satisfies Partial<Record<RequestType, PropagationEventType>>;

/** The event a request of this type sends recipients, or null when it tells none (access, portability). */
export function requestEventType(type: string): (typeof requestEvents)[keyof typeof requestEvents] | null {
  return Object.hasOwn(requestEvents, type) ? requestEvents[type as keyof typeof requestEvents] : null;
}

/** The task list's form: one delivery closed with the officer's note (the note as for every officer confirmation). */
export const closeTaskSchema = z.object({
  deliveryId: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).max(Number.MAX_SAFE_INTEGER),
  note: confirmNoteSchema,
});

/** The task list's query string; a malformed page falls back to the first. */
export const taskListQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });
