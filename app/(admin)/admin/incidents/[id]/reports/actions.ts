"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { checkSendable, markReportSentSchema, saveReportFieldsSchema } from "@/lib/incidents/drafts/schemas";
import { formObject, invalidInput } from "@/lib/forms";
import { isLocale } from "@/lib/i18n/config";
import { runAction, type ActionResult } from "@/lib/server/action";
import { loadIncidentReports } from "@/lib/server/incident-reports";
import { markReportSent, saveReportAdditions } from "@/db/incident-reports";

const incidentId = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" });

const revalidate = (id: number) => revalidatePath(`/admin/incidents/${id}`, "layout");

/** Saves the officer's report fields (what people can do, remedies, the harm desk, delay reasons, the offer…); audited. */
export async function saveReportFieldsAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(
    "incident:manage",
    saveReportFieldsSchema.and(z.object({ incidentId })),
    form,
    async ({ incidentId: id, ...additions }, user) => {
      const { changed } = await saveReportAdditions(id, additions, user);
      revalidate(id);
      return { ok: true, message: changed.length ? "saved" : "unchanged" };
    },
  );
}

/**
 * Marks an authority report sent with its time and channel, keeping the draft as filed (in the language it was filed
 * in). Refused while the APPI final report or California's notice lacks an item; GDPR and PIPA reports may follow in
 * phases. A drill's report is recorded the same way; nothing leaves Candor. Audited, and on the incident's timeline.
 */
export async function markReportSentAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("incident:manage", z.object({ incidentId }).loose(), form, async ({ incidentId: id }, user) => {
    const now = new Date();
    const raw = formObject(form);
    const locale = z.enum(["en", "ko", "ja"]).safeParse(raw.locale);
    const current = await getLocale();
    const reader = isLocale(current) ? current : "en";
    const filed = locale.success ? locale.data : reader;
    // The draft kept is the one in the language it was filed in; a refusal names the missing items in the reader's.
    const { inputs, reports } = await loadIncidentReports(id, filed, now);
    const shown = filed === reader ? reports : (await loadIncidentReports(id, reader, now)).reports;
    const parsed = markReportSentSchema({ now, timeZone: inputs.timeZone, awareAt: inputs.incident.awareAt }).safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error);
    const report = reports.find((r) => r.duty === parsed.data.duty)!;
    const missing = shown.find((r) => r.duty === parsed.data.duty)!.missing.map((m) => m.label);
    const sendable = checkSendable(report.draft, missing);
    if (!sendable.ok) return { ok: false, formError: "items-missing", values: { items: sendable.missing.join(", ") } };
    const note = parsed.data.note ?? (report.duty === "gdpr_authority" ? (inputs.additions.delayReasons ?? null) : null);
    await markReportSent({ ...parsed.data, incidentId: id, note, content: report.draft }, user, now);
    revalidate(id);
    return { ok: true, message: "marked" };
  });
}
