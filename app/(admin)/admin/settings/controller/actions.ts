"use server";
import { revalidatePath } from "next/cache";
import { brandPrivacySchema } from "@/lib/data-map/schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import { saveBrandPrivacy } from "@/db/data-map";

/** Saves the brand's controller details (security, representative, DPO, privacy officer, agent, complaints); audited. */
export async function saveControllerAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("data-map:manage", brandPrivacySchema, form, async (input, user) => {
    await saveBrandPrivacy(input, user);
    revalidatePath("/admin/settings/controller");
    revalidatePath("/admin/record-of-processing", "layout");
    return { ok: true, message: "saved" };
  });
}
