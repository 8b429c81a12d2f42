"use server";
import { revalidatePath } from "next/cache";
import { closeTaskSchema } from "@/lib/propagation/acknowledgements";
import { runAction, type ActionResult } from "@/lib/server/action";
import { confirmByOfficer } from "@/db/propagation";

/** Closes one task: the delivery is marked confirmed with the officer's note; its request page shows it too. */
export async function closeTaskAction(_prev: ActionResult, form: FormData) {
  return runAction("delivery:process", closeTaskSchema, form, async (i, user): Promise<ActionResult> => {
    await confirmByOfficer({ deliveryIds: [i.deliveryId] }, user, i.note);
    revalidatePath("/admin/deliveries/tasks");
    revalidatePath("/admin/requests/[id]", "page");
    return { ok: true, message: "confirmed" };
  });
}
