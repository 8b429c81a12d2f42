import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";

/**
 * Store upkeep one process could not finish and any process must retry, kept in the store because the process
 * that noted it (a route answering a recipient's confirmation) is often not the one that retries (the dispatcher,
 * in the server or in `npm run deliveries`). "wal-truncate": an erasure or scrub could not empty the WAL (a reader
 * held an older snapshot), so old page images of what was removed are still in the -wal file.
 */
export const maintenancePending = sqliteTable("maintenance_pending", {
  task: text("task", { enum: ["wal-truncate"] }).primaryKey(),
  /** When it last failed: a retry that began before this does not clear it. */
  notedAt: timestamp("noted_at").notNull(),
});
