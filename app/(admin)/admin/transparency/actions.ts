"use server";
import { revalidatePath } from "next/cache";
import { lastEndedYear } from "@/lib/transparency/period";
import { publishReportSchema } from "@/lib/transparency/publish-form";
import { runAction, type ActionResult } from "@/lib/server/action";
import { resolveTimeZone } from "@/lib/server/i18n-request";
import { publishReport } from "@/db/transparency";

/**
 * Publishes a year's transparency report, or a correction of it (a new version with its reason), as the figures
 * stand now. Privacy officers only; only a year that has ended in the brand's zone. The store audits it.
 */
export async function publishReportAction(_prev: ActionResult<{ year: number; version: number }>, form: FormData) {
  return runAction(
    "transparency:publish",
    publishReportSchema,
    form,
    async (input, user): Promise<ActionResult<{ year: number; version: number }>> => {
      if (input.year > lastEndedYear(Date.now(), await resolveTimeZone())) return { ok: false, formError: "year-not-ended" };
      const row = await publishReport(input, user);
      revalidatePath("/admin/transparency");
      revalidatePath("/transparency");
      revalidatePath("/notices");
      return { ok: true, message: "published", data: { year: row.year, version: row.version } };
    },
  );
}
