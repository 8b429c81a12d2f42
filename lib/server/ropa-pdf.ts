import "server-only";
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { RopaDocument } from "@/lib/ropa/document";
import { plain } from "@/lib/ropa/typed";

/**
 * The record of processing as a PDF, laid out by pdfkit on the server at request time (no browser). Korean and
 * Japanese need a CJK font: Noto Sans KR and Noto Sans JP, shipped as npm packages (@expo-google-fonts/*), so every
 * install can make the PDF without system fonts or a download. A Korean record uses the Korean font (its glyph forms
 * and Hangul); Japanese and English records the Japanese one (kana, kanji and Latin).
 */
export type Weight = "Regular" | "Bold";
const fontPackage: Record<string, { folder: string; file: string }> = {
  ko: { folder: "@expo-google-fonts/noto-sans-kr", file: "NotoSansKR" },
  ja: { folder: "@expo-google-fonts/noto-sans-jp", file: "NotoSansJP" },
};

export class PdfFontMissingError extends Error {
  constructor() {
    super("The Noto Sans KR/JP font packages are not installed (run npm install)");
    this.name = "PdfFontMissingError";
  }
}

/** The font file for a language and weight, from the project's node_modules; null when the package is missing. */
export function cjkFont(locale: string, weight: Weight): string | null {
  const pkg = fontPackage[locale] ?? fontPackage.ja;
  const style = weight === "Bold" ? "700Bold" : "400Regular";
  const file = path.join(process.cwd(), "node_modules", pkg.folder, style, `${pkg.file}_${style}.ttf`);
  return fs.existsSync(file) ? file : null;
}

/** Whether this server can make the PDF (the font packages are installed). */
export function pdfFontAvailable(): boolean {
  return cjkFont("ko", "Regular") !== null && cjkFont("ja", "Regular") !== null;
}

const MARGIN = 50;

/** Renders the document; resolves to the PDF's bytes. Throws PdfFontMissingError when no CJK font is installed. */
export async function renderRopaPdf(
  doc: RopaDocument,
  options: { locale: string; generated: string; pageLabel: (n: number) => string },
): Promise<Buffer> {
  const regular = cjkFont(options.locale, "Regular");
  const bold = cjkFont(options.locale, "Bold") ?? regular;
  if (!regular || !bold) throw new PdfFontMissingError();
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: options.locale,
    info: { Title: doc.title, Author: doc.controller, Creator: "Candor" },
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

  pdf.font("bold").fontSize(16).text(doc.title, { width });
  pdf.moveDown(0.3).font("body").fontSize(9).fillColor("#444").text(options.generated, { width }).fillColor("#000");
  for (const section of doc.sections) {
    pdf.moveDown(1).font("bold").fontSize(12).text(section.heading, { width });
    pdf.moveDown(0.3);
    for (const block of section.blocks) {
      if (block.kind === "facts")
        for (const row of block.rows) {
          pdf.font("bold").fontSize(9.5).text(row.label, { width });
          pdf.font("body").fontSize(9.5).text(plain(row.value), { width, indent: 10 });
          pdf.moveDown(0.2);
        }
      else if (block.kind === "list")
        for (const item of block.items)
          pdf
            .font("body")
            .fontSize(9.5)
            .text(`• ${plain(item)}`, { width, indent: 4 });
      else
        for (const row of block.rows) {
          // A table row as a small block: its first cell as the heading, then each other column by name.
          if (pdf.y > pdf.page.height - MARGIN - 60) pdf.addPage();
          pdf.font("bold").fontSize(9.5).text(plain(row[0]), { width });
          row.slice(1).forEach((cell, i) => {
            pdf
              .font("bold")
              .fontSize(8.5)
              .text(`${block.columns[i + 1]}: `, { width, indent: 10, continued: true });
            pdf.font("body").fontSize(8.5).text(plain(cell));
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
