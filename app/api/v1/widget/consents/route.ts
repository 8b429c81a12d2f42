import { postWidgetConsents, widgetOptions } from "@/lib/server/consent-endpoints";

export const dynamic = "force-dynamic";

/** POST /api/v1/widget/consents?key=pk_… — the banner's choices (lib/server/consent-endpoints.ts; the fast lane serves it too). */
export const POST = postWidgetConsents;
export const OPTIONS = widgetOptions;
