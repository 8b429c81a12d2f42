import { buildOpenApiDocument } from "@/lib/api/openapi";

// Built from the same zod schemas the routes validate with; public, like any API reference.
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
