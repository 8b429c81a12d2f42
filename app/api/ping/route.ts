// The bench's "no-op Next route handler" limit and the server's liveness probe:
// anything added here would be charged to every figure compared against it.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
