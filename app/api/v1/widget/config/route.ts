import { getWidgetConfig, widgetOptions } from "@/lib/server/consent-endpoints";

export const dynamic = "force-dynamic";

/** GET /api/v1/widget/config?key=pk_…&locale=ko — the banner's purposes (lib/server/consent-endpoints.ts; the fast lane serves it too). */
export const GET = getWidgetConfig;
export const OPTIONS = widgetOptions;
