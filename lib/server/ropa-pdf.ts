import "server-only";
import fs from "node:fs";
import PDFDocument from "pdfkit";
import type { RopaDocument } from "@/lib/ropa/document";

/**
 * The record of processing as a PDF, laid out by pdfkit on the server at request time (no browser). Korean and
 * Japanese need a CJK font: Noto Sans CJK from the system (fonts-noto-cjk on Debian and Ubuntu, the Alpine and
 * Fedora packages' paths alike), in the reader's language's variant, so a Korean record uses Korean glyph forms.
 */
const fontFolders = [
  "/usr/share/fonts/opentype/noto",
  "/usr/share/fonts/noto-cjk",
  "/usr/share/fonts/google-noto-cjk",
  "/usr/share/fonts/noto",
];
const variant: Record<string, string> = { ko: "kr", ja: "jp", en: "jp" };

export class PdfFontMissingError extends Error {
  constructor() {
    super("No Noto Sans CJK font on this server");
    this.name = "PdfFontMissingError";
  }
}

function cjkFont(weight: "Regular" | "Bold"): string | null {
  for (const folder of fontFolders) {
    const file = `${folder}/NotoSansCJK-${weight}.ttc`;
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** Whether this server can make the PDF (it has the CJK font). */
export function pdfFontAvailable(): boolean {
  return cjkFont("Regular") !== null;
}

const MARGIN = 50;

/** Renders the document; resolves to the PDF's bytes. Throws PdfFontMissingError when no CJK font is installed. */
export async function renderRopaPdf(
  doc: RopaDocument,
  options: { locale: string; generated: string; pageLabel: (n: number) => string },
): Promise<Buffer> {
  const regular = cjkFont("Regular");
  const bold = cjkFont("Bold") ?? regular;
  if (!regular || !bold) throw new PdfFontMissingError();
  const family = `NotoSansCJK${variant[options.locale] ?? "jp"}`;
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: options.locale,
    info: { Title: doc.title, Author: doc.controller, Creator: "Candor" },
    displayTitle: true,
  });
  pdf.registerFont("body", regular, `${family}-Regular`);
  pdf.registerFont("bold", bold, `${family}-Bold`);
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - MARGIN * 2;

  pdf.font("bold").fontSize(16).text(doc.title, { width });
  pdf.moveDown(0.3).font("body").fontSize(9).fillColor("#444").text(options.generated, { width }).fillColor("#000");
  for (const section of doc.sections) {
    pdf.moveDown(1).font("bold").fontSize(12).text(section.heading, { width });
    pdf.moveDown(0.3);
    for (const block of section.blocks) {
      if (block.kind === "facts")
        for (const row of block.rows) {
          pdf.font("bold").fontSize(9.5).text(row.label, { width });
          pdf.font("body").fontSize(9.5).text(row.value, { width, indent: 10 });
          pdf.moveDown(0.2);
        }
      else if (block.kind === "list")
        for (const item of block.items) pdf.font("body").fontSize(9.5).text(`• ${item}`, { width, indent: 4 });
      else
        for (const row of block.rows) {
          // A table row as a small block: its first cell as the heading, then each other column by name.
          if (pdf.y > pdf.page.height - MARGIN - 60) pdf.addPage();
          pdf.font("bold").fontSize(9.5).text(row[0], { width });
          row.slice(1).forEach((cell, i) => {
            pdf
              .font("bold")
              .fontSize(8.5)
              .text(`${block.columns[i + 1]}: `, { width, indent: 10, continued: true });
            pdf.font("body").fontSize(8.5).text(cell);
          });
          pdf.moveDown(0.4);
        }
    }
  }
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pdf.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page for it
    pdf.font("body").fontSize(8).fillColor("#666");
    pdf.text(options.pageLabel(i + 1), MARGIN, pdf.page.height - MARGIN + 15, { width, align: "right", lineBreak: false });
  }
  pdf.end();
  return done;
}
