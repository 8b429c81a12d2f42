import { lastSaleSharingChange } from "@/db/notices";

export const dynamic = "force-dynamic";

/**
 * The site's Global Privacy Control support resource (GPC spec; RFC 8615):
 * Candor honours the signal as an opt-out of sale and sharing. lastUpdate is
 * when what the brand sells or shares last changed. Public: no permission applies.
 */
export async function GET() {
  const last = (await lastSaleSharingChange()) ?? new Date();
  return Response.json(
    { gpc: true, lastUpdate: last.toISOString().slice(0, 10) },
    { headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" } },
  );
}
