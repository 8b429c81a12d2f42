import "server-only";
import { db } from "../client";
import { runRetention, type RetentionCounts } from "../retention";

/** The daily retention run on the server's own connection. */
export function removeExpiredData(now = new Date()): RetentionCounts {
  return runRetention(db, now);
}
