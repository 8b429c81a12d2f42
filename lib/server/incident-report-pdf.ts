import "server-only";
import PDFDocument from "pdfkit";
import type { Draft } from "@/lib/incidents/drafts/types";
import { plain } from "@/lib/ropa/typed";
import { cjkFont, PdfFontMissingError } from "./ropa-pdf";

const MARGIN = 50;

/**
 * An authority draft as a PDF laid out by pdfkit on the server, in the draft's language (Noto Sans KR/JP as for the
 * record of processing). Body text is 10.5 point: California's notice must be at least 10 (§1798.82(d)(1)(B)).
 * A drill says so above the title. Throws PdfFontMissingError when the font packages are missing.
 */
export async function renderIncidentReportPdf(
  draft: Draft,
  o: { locale: string; generated: string; missing: string; drill?: string; author: string; pageLabel: (n: number) => string },
): Promise<Buffer> {
  const regular = cjkFont(o.locale, "Regular");
  const bold = cjkFont(o.locale, "Bold") ?? regular;
  if (!regular || !bold) throw new PdfFontMissingError();
  const title = plain(draft.title);
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: o.locale,
    info: { Title: title, Author: o.author, Creator: "Candor" },
    displayTitle: true,
  });
  pdf.registerFont("body", regular);
  pdf.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - MARGIN * 2;
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
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pdf.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page for it
    pdf.font("body").fontSize(8).fillColor("#666");
    pdf.text(o.pageLabel(i + 1), MARGIN, pdf.page.height - MARGIN + 15, { width, align: "right", lineBreak: false });
  }
  pdf.end();
  return done;
}
