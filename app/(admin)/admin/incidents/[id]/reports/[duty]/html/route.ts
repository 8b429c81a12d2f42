import { apiRoute } from "@/lib/server/api";
import { exportIncidentReport } from "@/lib/server/incident-report-export";

// pdfkit and the font files need Node.
export const runtime = "nodejs";

/** One authority draft as a self-contained HTML file (?lang=en|ko|ja); incident:read, audited. */
export const GET = apiRoute(async (request: Request, context: { params: Promise<{ id: string; duty: string }> }) =>
  exportIncidentReport(request, await context.params, "html"),
);
