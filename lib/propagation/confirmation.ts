import { z } from "zod";

/**
 * How a propagated change is confirmed (issue 14, deliverable 7): a recipient says so through the API with its
 * own key, naming the delivery by the id it received; an officer marks it confirmed with a note saying how it
 * was learnt (an email from the vendor, a call, a ticket in its portal).
 */

/** A delivery's id as recipients see it: the webhook-id, also each pull-feed entry's deliveryId ("msg_…"). */
export const deliveryUidSchema = z
  .string()
  .regex(/^msg_[A-Za-z0-9_-]{1,100}$/, { error: 'A delivery id starts with "msg_": use the deliveryId (or webhook-id) Candor sent.' });

/** The officer's note: required, at most 1,000 characters. Errors are catalog keys, as in every form. */
export const confirmNoteSchema = z.string({ error: "required" }).trim().min(1, { error: "required" }).max(1000, { error: "too-long" });

const id = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).max(Number.MAX_SAFE_INTEGER);

/** The request page's form: one recipient's unconfirmed deliveries of one request, confirmed with a note. */
export const officerConfirmationSchema = z.object({ requestId: id, recipientId: id, note: confirmNoteSchema });
export type OfficerConfirmation = z.output<typeof officerConfirmationSchema>;
