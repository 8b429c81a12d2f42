"use server";
import { revalidatePath } from "next/cache";
import { noticeLanguagesFormSchema } from "@/lib/notices/required-languages";
import { runAction, type ActionResult } from "@/lib/server/action";
import { getBrandSettings, updateNoticeLanguages } from "@/db/staff";

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
