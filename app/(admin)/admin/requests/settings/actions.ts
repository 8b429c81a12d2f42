"use server";
import { revalidatePath } from "next/cache";
import { levelsFromForm, requestPolicySchema } from "@/lib/requests/verification";
import { runAction, type ActionResult } from "@/lib/server/action";
import { updateRequestPolicy } from "@/db/staff";

export async function saveRequestPolicyAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("request:configure", requestPolicySchema, form, async (i, user) => {
    await updateRequestPolicy(
      { unverifiedCloseDays: i.unverifiedCloseDays, appiTargetDays: i.appiTargetDays, verification: levelsFromForm(i) },
      user,
    );
    revalidatePath("/admin/requests/settings");
    return { ok: true, message: "saved" };
  });
}
