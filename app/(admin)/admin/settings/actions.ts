"use server";
import { revalidatePath } from "next/cache";
import { noticeLanguagesFormSchema } from "@/lib/notices/required-languages";
import { confirmationLimitSchema } from "@/lib/propagation/confirmation-limit";
import { suppressionKSchema } from "@/lib/metrics/suppression";
import { runAction, type ActionResult } from "@/lib/server/action";
import { getBrandSettings, updateConfirmationLimit, updateNoticeLanguages, updateSuppressionK } from "@/db/staff";

export async function saveNoticeLanguagesAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  // The brand's enabled languages shape the schema, read once the administrator is allowed.
  const noticeLanguagesSchema = async () => noticeLanguagesFormSchema((await getBrandSettings())?.enabledLocales ?? []);
  return runAction("settings:manage", noticeLanguagesSchema, form, async (setting, user) => {
    await updateNoticeLanguages(setting, user);
    revalidatePath("/admin/settings");
    revalidatePath("/admin/purposes", "layout");
    return { ok: true, message: "saved" };
  });
}

/** How long recipients have to confirm a propagated change before privacy operations lists it. */
export async function saveConfirmationLimitAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("settings:manage", confirmationLimitSchema, form, async (input, user) => {
    await updateConfirmationLimit(input.confirmationLimitDays, user);
    revalidatePath("/admin/settings");
    revalidatePath("/admin/privacy-ops");
    return { ok: true, message: "saved" };
  });
}

/** k, the smallest consent count marketing, executives and administrators see (issue 20). */
export async function saveSuppressionKAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("settings:manage", suppressionKSchema, form, async (input, user) => {
    await updateSuppressionK(input.suppressionK, user);
    revalidatePath("/admin/settings");
    return { ok: true, message: "saved" };
  });
}
