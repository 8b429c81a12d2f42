import "server-only";
import { createHmac } from "node:crypto";
import { readStatusToken, signStatusToken, statusLinkExpiry, type StatusTokenCheck } from "@/lib/requests/status-token";
import { defaultRetention } from "@/db/ops";
import { publicBaseUrl } from "./base-url";
import { authSecret } from "./secret";

// Its own key from the app's secret, so a status link is no signature for anything else.
const statusKey = () => createHmac("sha256", authSecret()).update("candor:request-status:v1").digest();

/** Makes the signed status-page link for a request (one builder per intake, for the acknowledgement). */
export async function requestStatusLinker(now = new Date()): Promise<(ref: string) => string> {
  const base = await publicBaseUrl();
  const key = statusKey();
  const expiresAt = statusLinkExpiry(now, defaultRetention.requestRecordMonths);
  return (ref) => `${base}/requests/status/${signStatusToken(key, ref, expiresAt)}`;
}

/** Which request a status-page token opens, if any. */
export function checkStatusToken(token: string): StatusTokenCheck {
  return readStatusToken(statusKey(), token);
}
