import { postConsentBatch } from "@/lib/server/consent-endpoints";

/** POST /api/v1/consents/batch — up to 1,000 events (lib/server/consent-endpoints.ts; the server's fast lane serves it too). */
export const POST = postConsentBatch;
