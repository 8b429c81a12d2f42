"use server";
import { revalidatePath } from "next/cache";
import { recipientTransferSchema } from "@/lib/data-map/schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import { saveRecipientTransfer } from "@/db/data-map";

/** Saves a recipient's transfer abroad (safeguard, items, when and how, how to refuse); audited. */
export async function saveTransferAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("data-map:manage", recipientTransferSchema, form, async (input, user) => {
    await saveRecipientTransfer(input, user);
    revalidatePath(`/admin/recipients/${input.recipientId}`, "layout");
    revalidatePath("/admin/record-of-processing", "layout");
    return { ok: true, message: "saved" };
  });
}
