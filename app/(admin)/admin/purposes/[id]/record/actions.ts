"use server";
import { revalidatePath } from "next/cache";
import { purposeRecordSchema } from "@/lib/data-map/schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import { savePurposeRecord } from "@/db/data-map";

/** Saves what the record of processing says about a purpose (people, sources, destruction, legal holds); audited. */
export async function savePurposeRecordAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("data-map:manage", purposeRecordSchema, form, async (input, user) => {
    await savePurposeRecord(input, user);
    revalidatePath(`/admin/purposes/${input.purposeId}`, "layout");
    revalidatePath("/admin/record-of-processing", "layout");
    return { ok: true, message: "saved" };
  });
}
