import { apiRoute } from "@/lib/server/api";
import { checkHealth } from "@/lib/server/health";

// Readiness for load balancers and monitors: 200 when the store answers and its migrations
// are current, 503 otherwise. Counts and booleans only, no secrets, no personal data.
// (GET /api/ping stays the bare liveness probe and the bench's no-op limit.)
export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
