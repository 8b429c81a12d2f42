import { problem, problemResponse } from "@/lib/api/problem";
import { shapeWidgetConfig } from "@/lib/widget/config";
import { publishableKeySchema, widgetConfigQuerySchema } from "@/lib/widget/schemas";
import { apiRoute } from "@/lib/server/api";
import { authorizeWidget, otherKeyKindRefused, selfOrigin, widgetPreflight } from "@/lib/server/widget-auth";
import { getBrandSettings } from "@/db/staff";
import { listPublishedNotices } from "@/db/notices";

export const dynamic = "force-dynamic";

/** GET /api/v1/widget/config?key=pk_…&locale=ko — the purposes the banner asks about, in the page's language. */
export const GET = apiRoute(async (request: Request) => {
  const query = widgetConfigQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return (
      (await otherKeyKindRefused(new URL(request.url).searchParams.get("key"))) ??
      problemResponse(problem("unauthorized", "Give a publishable key (pk_…) as ?key=."))
    );
  const auth = await authorizeWidget(request, query.data.key);
  if (!auth.ok) return auth.response;
  const config = shapeWidgetConfig({
    brandName: (await getBrandSettings())?.name,
    notices: await listPublishedNotices(query.data.locale),
    locale: query.data.locale,
    origin: selfOrigin(request),
  });
  // A minute of caching: every page view asks, and a newly published notice may wait that long.
  return Response.json(config, { headers: { ...auth.caller.cors, "Cache-Control": "public, max-age=60" } });
});

export async function OPTIONS(request: Request): Promise<Response> {
  const key = publishableKeySchema.safeParse(new URL(request.url).searchParams.get("key"));
  return widgetPreflight(request, key.success ? key.data : null);
}
