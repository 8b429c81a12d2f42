import { postConsent } from "@/lib/server/consent-endpoints";

/** POST /api/v1/consents — one consent event (lib/server/consent-endpoints.ts; the server's fast lane serves it too). */
export const POST = postConsent;
