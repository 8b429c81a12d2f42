import { publicJwks } from "@/lib/receipts/jws";
import { publishedReceiptKeys } from "@/lib/server/receipt-signing";

export const dynamic = "force-dynamic";

/**
 * The brand's receipt verification keys (RFC 7517): the current key and every retired one, public halves only,
 * so a receipt signed before a rotation still verifies. Cached for five minutes; a verifier that meets an
 * unknown kid fetches again (jose's createRemoteJWKSet does).
 */
export async function GET() {
  return new Response(JSON.stringify(publicJwks(await publishedReceiptKeys())), {
    headers: {
      "Content-Type": "application/jwk-set+json; charset=utf-8",
      "Cache-Control": "public, max-age=300, stale-while-revalidate=60",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
