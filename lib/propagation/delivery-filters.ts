import { z } from "zod";
import { deliveryStates } from "./vocabulary";

/** A recipient's deliveries page's query string; malformed values fall back to all states and page 1. */
export const deliveriesFilterSchema = z.object({
  state: z.enum(deliveryStates).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DeliveriesFilter = z.infer<typeof deliveriesFilterSchema>;

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Replaying one parked delivery: the recipient whose page it is, and the delivery. */
export const replayDeliverySchema = z.object({ recipientId: id, deliveryId: id });

/** Replaying every parked delivery of one recipient. */
export const replayParkedSchema = z.object({ recipientId: id });

/**
 * A delivery's last outcome as a page shows it: an HTTP status the endpoint answered, or the reason no
 * answer came (a timeout, a network error, the endpoint guard's refusal). Only these: never the body.
 */
export function describeOutcome(lastOutcome: string | null): { http: number } | { reason: string } | null {
  if (lastOutcome === null || lastOutcome === "") return null;
  return /^\d{3}$/.test(lastOutcome) ? { http: Number(lastOutcome) } : { reason: lastOutcome };
}
