import "server-only";
import { locales, type Locale } from "@/lib/i18n/config";
import type { Incident } from "@/lib/incidents/incident";
import { noticeValues } from "@/lib/incidents/people-notice";
import { renderTemplate, type RenderedMessage } from "@/lib/messages/templates/render";
import { listSendingNoticeBatches, sendNoticeSlice } from "@/db/incident-notices";
import { getCurrentTemplate } from "@/db/messages";
import { getBrandSettings } from "@/db/staff";
import { log } from "./log";

const globalForRuns = globalThis as unknown as { candorNoticeRuns?: Set<number> };
const running: Set<number> = (globalForRuns.candorNoticeRuns ??= new Set());

/**
 * Queues a sending batch through the outbox a slice at a time (db/incident-notices/batches.ts), yielding between
 * slices so requests and other writes go on meanwhile; the tab shows the progress each slice records. One run per
 * batch in this process; the slices' cursor makes a second run after a restart pick up where the first stopped.
 */
export function runNoticeBatch(batchId: number): void {
  if (running.has(batchId)) return;
  running.add(batchId);
  const step = async () => {
    try {
      const finished = await sendNoticeSlice(batchId);
      if (!finished) return void setImmediate(() => void step());
    } catch (error) {
      log.error({ job: "incident-notices", batchId, err: error }, "notice batch slice failed");
    }
    running.delete(batchId);
  };
  void step();
}

/** Starts every batch left sending (a restart mid-batch); called when the notices tab is opened. */
export async function resumeNoticeBatches(): Promise<void> {
  for (const id of await listSendingNoticeBatches()) runNoticeBatch(id);
}

/**
 * The notice in each language as a batch asked for now would send it: the brand's current wording of
 * "incident-notice" filled from the incident (the same renderer and values the batch uses).
 */
export async function previewNotices(incident: Incident): Promise<Record<Locale, RenderedMessage>> {
  const brand = await getBrandSettings();
  const values = { name: brand?.name ?? "", contact: brand?.dpoEmail || brand?.contactEmail || "", timeZone: brand?.timeZone ?? "UTC" };
  const entries = await Promise.all(
    locales.map(async (locale) => {
      const template = await getCurrentTemplate("incident-notice", locale);
      return [locale, renderTemplate(template, noticeValues(incident, locale, values), locale)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Locale, RenderedMessage>;
}
