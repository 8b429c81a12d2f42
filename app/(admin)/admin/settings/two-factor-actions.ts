"use server";
import { revalidatePath } from "next/cache";
import { ConflictError } from "@/lib/errors";
import { requireTwoFactorSchema } from "@/lib/staff/two-factor-schemas";
import { runAction, type ActionResult } from "@/lib/server/action";
import { isTwoFactorOn, updateTwoFactorRequirement } from "@/db/staff";

/**
 * Whether privacy officers and administrators must use two-step verification (audited). Turning it on
 * needs it on for the administrator first: otherwise the next page would send them to set it up.
 */
export async function saveTwoFactorRequirementAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("settings:manage", requireTwoFactorSchema, form, async ({ required }, user) => {
    if (required && !(await isTwoFactorOn(user.id))) throw new ConflictError("enable-yours-first");
    await updateTwoFactorRequirement(required, user);
    revalidatePath("/admin/settings");
    return { ok: true, message: "saved" };
  });
}
