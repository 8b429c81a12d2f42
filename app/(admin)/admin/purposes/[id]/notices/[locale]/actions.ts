"use server";
import { revalidatePath } from "next/cache";
import { noticeDraftSchema, noticeReturnSchema, noticeVersionIdSchema } from "@/lib/notices/schemas";
import { missingElements } from "@/lib/notices/required-elements";
import { isLocale } from "@/lib/i18n/config";
import { runAction, type ActionResult } from "@/lib/server/action";
import { publicBaseUrl } from "@/lib/server/base-url";
import { getNoticeVersion, publishNoticeVersion, returnNoticeVersion, saveNoticeDraft, submitNoticeVersion } from "@/db/notices";
import { NotFoundError } from "@/lib/errors";

function done(purposeId: number, locale: string, message: string): ActionResult {
  revalidatePath(`/admin/purposes/${purposeId}`);
  revalidatePath(`/admin/purposes/${purposeId}/notices/${locale}`);
  revalidatePath("/notices", "layout");
  return { ok: true, message };
}

async function version(versionId: number) {
  const v = await getNoticeVersion(versionId);
  if (!v) throw new NotFoundError("notice version");
  return v;
}

export async function saveNoticeDraftAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("notice:draft", noticeDraftSchema, form, async (input, user) => {
    const { purposeId, locale, versionId, ...draft } = input;
    await saveNoticeDraft(versionId ? { versionId } : { purposeId, locale }, draft, user);
    return done(purposeId, locale, "saved");
  });
}

export async function submitNoticeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("notice:draft", noticeVersionIdSchema, form, async ({ versionId }, user) => {
    const v = await version(versionId);
    const locale = isLocale(v.locale) ? v.locale : "en";
    await submitNoticeVersion(versionId, missingElements(v.shortLayer, v.fullText, locale), user, { baseUrl: await publicBaseUrl() });
    return done(v.purposeId, v.locale, "submitted");
  });
}

export async function publishNoticeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("notice:publish", noticeVersionIdSchema, form, async ({ versionId }, user) => {
    const v = await version(versionId);
    await publishNoticeVersion(versionId, user, { baseUrl: await publicBaseUrl() });
    return done(v.purposeId, v.locale, "published");
  });
}

export async function returnNoticeAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("notice:publish", noticeReturnSchema, form, async ({ versionId, comment }, user) => {
    const v = await version(versionId);
    await returnNoticeVersion(versionId, comment, user);
    return done(v.purposeId, v.locale, "returned");
  });
}
