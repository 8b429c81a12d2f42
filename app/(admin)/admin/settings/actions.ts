"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { noticeLanguagesFormSchema } from "@/lib/notices/required-languages";
import { runAction, type ActionResult } from "@/lib/server/action";
import { getBrandSettings, updateNoticeLanguages } from "@/db/staff/brand";

// Lazy, so the brand's enabled languages are read only after the permission check.
const noticeLanguagesSchema = z.lazy(() => noticeLanguagesFormSchema(getBrandSettings()?.enabledLocales ?? []));

export async function saveNoticeLanguagesAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("settings:manage", noticeLanguagesSchema, form, (setting, user) => {
    updateNoticeLanguages(setting, user);
    revalidatePath("/admin/settings");
    revalidatePath("/admin/purposes", "layout");
    return { ok: true, message: "saved" };
  });
}
