"use server";
import { revalidatePath } from "next/cache";
import { replayDeliverySchema, replayParkedSchema } from "@/lib/propagation/delivery-filters";
import { runAction, type ActionResult } from "@/lib/server/action";
import { replayDelivery, replayParked, type ReplayOutcome } from "@/db/propagation";

/** What a replay did, in counts: the page says it in plain words. */
export type ReplayCounts = { queued: number; superseded: number; refused: number };

const countsOf = (o: ReplayOutcome): ReplayCounts => ({
  queued: o.queued.length,
  superseded: o.superseded.length,
  refused: o.refused.length,
});

/** Replays one parked delivery: queued again with a fresh retry window, or marked superseded. */
export async function replayDeliveryAction(_prev: ActionResult<ReplayCounts>, form: FormData): Promise<ActionResult<ReplayCounts>> {
  return runAction("recipient:manage", replayDeliverySchema, form, async (input, user) => {
    const outcome = await replayDelivery(input.recipientId, input.deliveryId, user);
    revalidatePath(`/admin/recipients/${input.recipientId}/deliveries`);
    return { ok: true, message: "replayed", data: countsOf(outcome) };
  });
}

/** Replays every parked delivery of the recipient; those after the scrub stay parked and are counted. */
export async function replayParkedAction(_prev: ActionResult<ReplayCounts>, form: FormData): Promise<ActionResult<ReplayCounts>> {
  return runAction("recipient:manage", replayParkedSchema, form, async (input, user) => {
    const outcome = await replayParked(input.recipientId, user);
    revalidatePath(`/admin/recipients/${input.recipientId}/deliveries`);
    return { ok: true, message: "replayed", data: countsOf(outcome) };
  });
}
