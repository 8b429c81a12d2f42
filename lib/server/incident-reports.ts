import "server-only";
import { createTranslator } from "use-intl/core";
import { buildDraft, missingItems } from "@/lib/incidents/drafts";
import { draftFormat } from "@/lib/incidents/drafts/format";
import { reportKinds, type Draft, type DraftInput, type DraftItem, type ReportKind, type Words } from "@/lib/incidents/drafts/types";
import type { Duty } from "@/lib/incidents/duties";
import { catalogs } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/config";
import { noTitles, withPurposeNames } from "@/lib/purposes/titles";
import { NotFoundError } from "@/lib/errors";
import { getReportInputs, type ReportInputs } from "@/db/incident-reports";
import { listPurposeTitles } from "@/db/notices";

/**
 * Catalog words in a given language. Not next-intl's getTranslations: the request's config always answers in the
 * reader's language, and an export or a filing may be in another.
 */
export function wordsIn(locale: Locale): Words {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

export type IncidentReport = { duty: ReportKind; draft: Draft; missing: DraftItem[]; status: Duty | undefined };
export type IncidentReports = { inputs: ReportInputs; reports: IncidentReport[]; words: Words; locale: Locale };

/**
 * The incident's authority drafts in a language (the reader's on the page, any of en/ko/ja for an export), read at
 * one moment: each with the items its law still lacks and its duty as the clocks see it. Callers check incident:read.
 */
export async function loadIncidentReports(incidentId: number, locale: Locale, now = new Date()): Promise<IncidentReports> {
  const [inputs, titles] = await Promise.all([
    getReportInputs(incidentId, now),
    locale === "en" ? Promise.resolve(noTitles) : listPurposeTitles(locale),
  ]);
  if (!inputs) throw new NotFoundError("incident");
  const words = wordsIn(locale);
  const input: DraftInput = {
    incident: inputs.incident,
    affected: inputs.affected,
    brand: inputs.brand,
    purposes: withPurposeNames(inputs.purposes, titles).map((p) => p.name),
    recipients: inputs.recipients.map((r) => r.name),
    peopleNotifiedAt: inputs.peopleNotifiedAt,
    additions: inputs.additions,
    filings: inputs.filings.map((f) => ({ duty: f.duty, sentAt: f.sentAt, channel: f.channel })),
    now,
  };
  const format = draftFormat(locale, inputs.timeZone);
  const reports = reportKinds.map((duty) => {
    const draft = buildDraft(duty, input, words, format);
    return { duty, draft, missing: missingItems(draft), status: inputs.duties.find((d) => d.kind === duty) };
  });
  return { inputs, reports, words, locale };
}
