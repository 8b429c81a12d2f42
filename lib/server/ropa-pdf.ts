import "server-only";
import type { RopaDocument } from "@/lib/ropa/document";
import { plain } from "@/lib/ropa/typed";
import { openPdf, PDF_MARGIN as MARGIN } from "./pdf-document";

/** The record of processing as a PDF (lib/server/pdf-document.ts: fonts, page numbers). */
/** Renders the document; resolves to the PDF's bytes. Throws PdfFontMissingError when no CJK font is installed. */
export async function renderRopaPdf(
  doc: RopaDocument,
  options: { locale: string; generated: string; pageLabel: (n: number) => string },
): Promise<Buffer> {
  const { pdf, width, finish } = openPdf({ locale: options.locale, title: doc.title, author: doc.controller });

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
  return finish(options.pageLabel);
}
