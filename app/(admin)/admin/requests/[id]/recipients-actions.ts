"use server";
import { revalidatePath } from "next/cache";
import { officerConfirmationSchema } from "@/lib/propagation/confirmation";
import { runAction, type ActionResult } from "@/lib/server/action";
import { confirmByOfficer, unconfirmedRequestDeliveries } from "@/db/propagation";

/**
 * An officer marks one recipient's deliveries of this request confirmed, with a note saying how it is known:
 * the request's own event and the consent changes its completion queued, read here rather than taken from the form.
 */
export async function confirmRecipientAction(_prev: ActionResult, form: FormData) {
  return runAction("delivery:process", officerConfirmationSchema, form, async (i, user): Promise<ActionResult> => {
    const deliveryIds = await unconfirmedRequestDeliveries(i.requestId, i.recipientId);
    if (deliveryIds.length > 0) await confirmByOfficer({ deliveryIds }, user, i.note);
    revalidatePath(`/admin/requests/${i.requestId}`);
    return { ok: true, message: "confirmed" };
  });
}
