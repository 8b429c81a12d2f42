"use server";
import { revalidatePath } from "next/cache";
import { saveMessageTemplateSchema } from "@/lib/messages/templates/schema";
import { runAction, type ActionResult } from "@/lib/server/action";
import { saveTemplateVersion } from "@/db/messages";

/** Saves the officer's wording of one message in one language as its next version (checked, audited). */
export async function saveMessageTemplateAction(_prev: ActionResult<number>, form: FormData): Promise<ActionResult<number>> {
  return runAction("request:configure", saveMessageTemplateSchema, form, async (input, user) => {
    const row = await saveTemplateVersion(input, user);
    revalidatePath("/admin/requests/settings/messages");
    return { ok: true, message: "saved", data: row.version };
  });
}
