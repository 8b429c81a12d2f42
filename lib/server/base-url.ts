import "server-only";
import { config } from "./config";

/**
 * Candor's public address for links in messages and receipts: CANDOR_URL, never the request's
 * Host or X-Forwarded-Host, which whoever sends the request chooses (a poisoned export or
 * preferences link would hand a person's data to another site).
 */
export async function publicBaseUrl(): Promise<string> {
  return config().candorUrl;
}
