import "server-only";
// Apart from ./retention.ts because importing db/client.ts opens the server's connection,
// which `npm run retention` must not do.
import { db } from "../client";
import { runRetention, type RetentionCounts } from "./retention";

/** The daily retention run on the server's own connection. */
export function removeExpiredData(now = new Date()): RetentionCounts {
  return runRetention(db, now);
}
