import { problem, problemResponse } from "@/lib/api/problem";
import { ropaFileName } from "@/lib/ropa/csv";
import { apiRoute } from "@/lib/server/api";
import { loadRopa } from "@/lib/server/ropa";
import { PdfFontMissingError } from "@/lib/server/pdf-document";
import { renderRopaPdf } from "@/lib/server/ropa-pdf";
import { requirePermission } from "@/lib/server/session";
import { createAuditEntry } from "@/db/staff";

// pdfkit and the font file need Node.
export const runtime = "nodejs";

/**
 * The record of processing as a PDF laid out by pdfkit on the server (no browser), in the reader's language.
 * Privacy officers and administrators only; each download is audited.
 */
export const GET = apiRoute(async (request: Request) => {
  const user = await requirePermission("record-of-processing:read", new URL(request.url).pathname);
  const ropa = await loadRopa();
  let pdf: Buffer;
  try {
    pdf = await renderRopaPdf(ropa.doc, {
      locale: ropa.locale,
      generated: ropa.generated,
      pageLabel: (n) => ropa.words("recordOfProcessing.page", { n }),
    });
  } catch (error) {
    if (error instanceof PdfFontMissingError) return problemResponse(problem("internal", ropa.words("recordOfProcessing.pdfFontMissing")));
    throw error;
  }
  await createAuditEntry({
    actorId: user.id,
    actorLabel: user.email,
    action: "record-of-processing.export",
    targetType: "record_of_processing",
    details: { format: "pdf", purposes: ropa.map.purposes.length, gaps: ropa.gaps.length },
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${ropaFileName(ropa.day, "pdf")}"`,
      "Cache-Control": "no-store",
    },
  });
});
