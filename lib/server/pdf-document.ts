import "server-only";
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

/**
 * What Candor's PDFs (the record of processing, the authority reports of a breach) share: an A4 document laid out by
 * pdfkit on the server at request time (no browser), in the reader's language, with page numbers in the footer.
 * Korean and Japanese need a CJK font: Noto Sans KR and Noto Sans JP, shipped as npm packages (@expo-google-fonts/*),
 * so every install can make a PDF without system fonts or a download. Korean uses the Korean font (its glyph forms
 * and Hangul); Japanese and English the Japanese one (kana, kanji and Latin).
 */
export type Weight = "Regular" | "Bold";
const fontPackage: Record<string, { folder: string; file: string }> = {
  ko: { folder: "@expo-google-fonts/noto-sans-kr", file: "NotoSansKR" },
  ja: { folder: "@expo-google-fonts/noto-sans-jp", file: "NotoSansJP" },
};

export const PDF_MARGIN = 50;

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

/**
 * A new document with the language's fonts registered as "body" and "bold"; `width` is the text column. `finish`
 * numbers every page in the footer and resolves to the PDF's bytes. Throws PdfFontMissingError without the fonts.
 */
export function openPdf(o: { locale: string; title: string; author: string }): {
  pdf: PDFKit.PDFDocument;
  width: number;
  finish: (pageLabel: (n: number) => string) => Promise<Buffer>;
} {
  const regular = cjkFont(o.locale, "Regular");
  const bold = cjkFont(o.locale, "Bold") ?? regular;
  if (!regular || !bold) throw new PdfFontMissingError();
  const pdf = new PDFDocument({
    size: "A4",
    margin: PDF_MARGIN,
    bufferPages: true,
    lang: o.locale,
    info: { Title: o.title, Author: o.author, Creator: "Candor" },
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
  const width = pdf.page.width - PDF_MARGIN * 2;
  const finish = (pageLabel: (n: number) => string) => {
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      pdf.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page for it
      pdf.font("body").fontSize(8).fillColor("#666");
      pdf.text(pageLabel(i + 1), PDF_MARGIN, pdf.page.height - PDF_MARGIN + 15, { width, align: "right", lineBreak: false });
    }
    pdf.end();
    return done;
  };
  return { pdf, width, finish };
}
