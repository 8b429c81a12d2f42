import "server-only";
import { createHmac } from "node:crypto";
import { readStatusToken, signStatusToken, statusLinkExpiry, type StatusTokenCheck } from "@/lib/requests/status-token";
import { defaultRetention } from "@/db/ops";
import { publicBaseUrl } from "./base-url";
import { sealLink } from "./sealed-link";
import { authSecret } from "./secret";

// Its own key from the app's secret, so a status link is no signature for anything else.
const statusKey = () => createHmac("sha256", authSecret()).update("candor:request-status:v1").digest();

/**
 * Makes the status-page link for the acknowledgement (one builder per intake), sealed for the outbox:
 * the mailer opens it on the way out, the outbox and its viewer never hold it (lib/server/sealed-link.ts).
 */
export async function requestStatusLinker(now = new Date()): Promise<(ref: string) => string> {
  const base = await publicBaseUrl();
  const key = statusKey();
  const expiresAt = statusLinkExpiry(now, defaultRetention.requestRecordMonths);
  return (ref) => sealLink(`${base}/requests/status/${signStatusToken(key, ref, expiresAt)}`);
}

/** Which request a status-page token opens, if any. */
export function checkStatusToken(token: string): StatusTokenCheck {
  return readStatusToken(statusKey(), token);
}
