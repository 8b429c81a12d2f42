"use server";
import { revalidatePath } from "next/cache";
import { rotateReceiptKeySchema } from "@/lib/receipts/rotation";
import { runAction, type ActionResult } from "@/lib/server/action";
import { rotateReceiptSigningKey } from "@/lib/server/receipt-signing";

/** Retires the receipt signing key (its public half stays published) and makes a new one sign; audited. */
export async function rotateReceiptKeyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("settings:manage", rotateReceiptKeySchema, form, async (_input, user) => {
    await rotateReceiptSigningKey({ id: user.id, email: user.email });
    revalidatePath("/admin/settings");
    return { ok: true, message: "rotated" };
  });
}
