import { getPreferencesSubject } from "@/lib/server/preferences-session";
import { issueConsentReceipt } from "@/lib/server/consent-receipts";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * The receipt of one of the signed-in subject's own consent events: the ISO/IEC TS 27560-shaped JSON
 * download, or with `?format=jws` the same receipt signed by the brand (a compact JWS anyone can check at
 * /receipts/verify or against /.well-known/jwks.json). Anyone else's event, or no session, is a plain 404:
 * the answer does not say whether the event exists.
 */
export async function GET(request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const subject = await getPreferencesSubject();
  const raw = (await params).eventId;
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!subject || !/^\d{1,12}$/.test(raw) || (format !== "json" && format !== "jws")) return notFound();
  const issued = await issueConsentReceipt(subject, Number(raw));
  if (!issued) return notFound();
  const signed = format === "jws";
  return new Response(signed ? issued.jws : JSON.stringify(issued.receipt, null, 2), {
    headers: {
      "Content-Type": signed ? "application/jose; charset=us-ascii" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="consent-receipt-${issued.eventId}.${signed ? "jws" : "json"}"`,
      "Cache-Control": "no-store",
    },
  });
}
