import "server-only";
import type { Draft } from "@/lib/incidents/drafts/types";
import { plain } from "@/lib/ropa/typed";
import { openPdf, PDF_MARGIN as MARGIN } from "./pdf-document";

/**
 * An authority draft as a PDF laid out by pdfkit on the server, in the draft's language (Noto Sans KR/JP as for the
 * record of processing). Body text is 10.5 point: California's notice must be at least 10 (§1798.82(d)(1)(B)).
 * A drill says so above the title. Throws PdfFontMissingError when the font packages are missing.
 */
export async function renderIncidentReportPdf(
  draft: Draft,
  o: { locale: string; generated: string; missing: string; drill?: string; author: string; pageLabel: (n: number) => string },
): Promise<Buffer> {
  const title = plain(draft.title);
  const { pdf, width, finish } = openPdf({ locale: o.locale, title, author: o.author });
  if (o.drill) pdf.font("bold").fontSize(11).fillColor("#a60").text(o.drill, { width }).fillColor("#000").moveDown(0.3);
  pdf.font("bold").fontSize(16).text(title, { width });
  pdf.moveDown(0.3).font("body").fontSize(9).fillColor("#444").text(`${draft.law} · ${o.generated}`, { width }).fillColor("#000");
  for (const section of draft.sections) {
    if (pdf.y > pdf.page.height - MARGIN - 80) pdf.addPage();
    pdf.moveDown(1).font("bold").fontSize(12.5).text(section.heading, { width });
    pdf.moveDown(0.3);
    for (const item of section.items) {
      pdf.font("bold").fontSize(10.5).text(item.label, { width });
      if (item.value === null) pdf.font("body").fontSize(10.5).fillColor("#a00").text(o.missing, { width, indent: 10 }).fillColor("#000");
      else pdf.font("body").fontSize(10.5).text(plain(item.value), { width, indent: 10 });
      pdf.moveDown(0.3);
    }
  }
  return finish(o.pageLabel);
}
