import "server-only";
import { z } from "zod";
import { problem, problemResponse } from "@/lib/api/problem";
import { reportLocale } from "@/lib/incidents/drafts";
import { draftHtml } from "@/lib/incidents/drafts/html";
import { draftFormat } from "@/lib/incidents/drafts/format";
import { reportKinds } from "@/lib/incidents/drafts/types";
import { locales } from "@/lib/i18n/config";
import { createAuditEntry } from "@/db/staff";
import { loadIncidentReports } from "./incident-reports";
import { PdfFontMissingError } from "./pdf-document";
import { renderIncidentReportPdf } from "./incident-report-pdf";
import { requirePermission } from "./session";

const exportParams = z.object({
  id: z.coerce.number().int().positive(),
  duty: z.enum(reportKinds),
  lang: z.enum(locales).optional(),
});

/**
 * One authority draft as a file, HTML or PDF, in the language asked (?lang=en|ko|ja; by default the authority's
 * own). Privacy officers and administrators (incident:read); each download is audited. An unknown incident or report
 * is a 404 problem document, a bad language a 422.
 */
export async function exportIncidentReport(
  request: Request,
  params: { id: string; duty: string },
  kind: "html" | "pdf",
): Promise<Response> {
  const url = new URL(request.url);
  const user = await requirePermission("incident:read", url.pathname);
  const parsed = exportParams.safeParse({ ...params, lang: url.searchParams.get("lang") || undefined });
  if (!parsed.success) {
    const bad = parsed.error.issues.some((i) => i.path[0] === "lang");
    return problemResponse(bad ? problem("validation", "lang must be en, ko or ja") : problem("not-found", "No such incident report"));
  }
  const { id, duty } = parsed.data;
  const locale = parsed.data.lang ?? reportLocale[duty];
  const now = new Date();
  const { reports, inputs, words } = await loadIncidentReports(id, locale, now);
  const t = (key: string, values?: Record<string, string | number>) => words(`incidentReports.page.${key}`, values);
  const draft = reports.find((r) => r.duty === duty)!.draft;
  const generated = t("generated", { date: draftFormat(locale, inputs.timeZone).dateTime(now) });
  const common = { generated, missing: t("missing"), drill: draft.drill ? t("drillBanner") : undefined };
  const name = `${inputs.incident.reference}-${duty}-${locale}.${kind}`;
  let body: BodyInit;
  if (kind === "html") body = draftHtml(draft, { ...common, lang: locale });
  else
    try {
      const pdf = await renderIncidentReportPdf(draft, {
        ...common,
        locale,
        author: inputs.brand?.legalName ?? "Candor",
        pageLabel: (n) => t("pageNumber", { n }),
      });
      body = new Uint8Array(pdf) as Uint8Array<ArrayBuffer>;
    } catch (error) {
      if (error instanceof PdfFontMissingError) return problemResponse(problem("internal", t("pdfFontMissing")));
      throw error;
    }
  await createAuditEntry({
    actorId: user.id,
    actorLabel: user.email,
    action: "incident.report-exported",
    targetType: "incident",
    targetId: id,
    details: { reference: inputs.incident.reference, duty, format: kind, locale, drill: inputs.incident.drill },
  });
  return new Response(body, {
    headers: {
      "Content-Type": kind === "html" ? "text/html; charset=utf-8" : "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
