import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { buildDraft, reportLocale } from "@/lib/incidents/drafts";
import { draftInput, formatIn, skimmingIncident, wordsIn } from "@/lib/incidents/drafts/fixture";
import { reportKinds } from "@/lib/incidents/drafts/types";
import { plain } from "@/lib/ropa/typed";
import { renderIncidentReportPdf } from "./incident-report-pdf";

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, "");
}

// Each draft laid out by pdfkit in the authority's language; its text read back holds every item's label and value.
describe("an authority draft as a PDF", () => {
  it.each(reportKinds)("%s holds its title and every item, in the authority's language", async (duty) => {
    const locale = reportLocale[duty];
    const draft = buildDraft(duty, draftInput(), wordsIn(locale), formatIn(locale, "Asia/Seoul"));
    const bytes = await renderIncidentReportPdf(draft, {
      locale,
      generated: "2026-03-07",
      missing: "Missing",
      author: "Northtrail",
      pageLabel: (n) => `${n}`,
    });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Compared without white space: pdfkit wraps long lines where it likes.
    const text = await pdfText(bytes);
    const squash = (s: string) => plain(s).replace(/\s+/g, "");
    expect(text).toContain(squash(draft.title));
    for (const item of draft.sections.flatMap((s) => s.items)) {
      expect(text, item.key).toContain(squash(item.label));
      expect(text, item.key).toContain(squash(item.value ?? "Missing"));
    }
  });

  it("puts a drill's banner above the title", async () => {
    const draft = buildDraft(
      "gdpr_authority",
      draftInput({ incident: { ...skimmingIncident(), drill: true } }),
      wordsIn("en"),
      formatIn("en", "UTC"),
    );
    const bytes = await renderIncidentReportPdf(draft, {
      locale: "en",
      generated: "x",
      missing: "Missing",
      drill: "DRILL-BANNER",
      author: "N",
      pageLabel: (n) => `${n}`,
    });
    expect((await pdfText(bytes)).startsWith("DRILL-BANNER")).toBe(true);
  });
});
