import { z } from "zod";
import { escapeHtml, exportFormats, exportToCsv, exportToHtml } from "@/lib/requests/export-formats";
import { openExport } from "@/db/requests";
import { getBrandSettings } from "@/db/staff";
import { takeAddress } from "@/lib/server/rate-limits";

// Public by design: the random token in the link is the subject's credential (SPEC §4).
const querySchema = z.object({ format: z.enum(exportFormats).catch("json") });
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

function page(status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { format } = querySchema.parse({ format: new URL(request.url).searchParams.get("format") ?? undefined });
  const limit = takeAddress("export", request);
  if (!limit.ok) {
    const res = page(429, "Too many downloads", `Please wait ${limit.retryAfterSeconds} seconds and open the link again.`);
    res.headers.set("Retry-After", String(limit.retryAfterSeconds));
    return res;
  }
  const unknown = () =>
    page(404, "Download link not found", "This link is not valid. Check that you copied the whole address from our message.");
  if (!tokenSchema.safeParse(token).success) return unknown();
  const found = await openExport(token, format);
  if (found.status === "unknown") return unknown();
  if (found.status !== "ok")
    return page(410, "This download link has expired", "Links to your data work for 7 days. Contact us and we will send a new one.");
  const headers = { "cache-control": "no-store", "x-robots-tag": "noindex", "referrer-policy": "no-referrer" };
  const name = `${found.request.ref}-your-data`;
  if (format === "csv")
    return new Response(exportToCsv(found.data), {
      headers: { ...headers, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
    });
  if (format === "html")
    return new Response(exportToHtml(found.data, (await getBrandSettings())?.name ?? "Candor"), {
      headers: { ...headers, "content-type": "text/html; charset=utf-8" },
    });
  return new Response(JSON.stringify(found.data, null, 2), {
    headers: { ...headers, "content-type": "application/json; charset=utf-8", "content-disposition": `inline; filename="${name}.json"` },
  });
}
