import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";
import { subjects } from "./consent";
import { subjectRequests } from "./requests";

/**
 * A person's direction to limit the use of their sensitive personal information (CCPA §7027): one row per
 * person, standing until they lift it. While it stands, every purpose flagged as using sensitive data beyond
 * §7027(m) is stopped for them, whatever its legal basis: consent-based purposes also carry a withdrawal in
 * the ledger, the others are stopped by this row alone (the preference center and the consent API read it).
 * It goes with the person on erasure; the request that set it stays (requests outlive an erased subject).
 */
export const sensitiveLimits = sqliteTable("sensitive_limits", {
  subjectId: integer("subject_id")
    .primaryKey()
    .references(() => subjects.id, { onDelete: "cascade" }),
  /** The limit request that set it. */
  requestId: integer("request_id")
    .notNull()
    .references(() => subjectRequests.id),
  limitedAt: timestamp("limited_at").notNull(),
});

export type SensitiveLimit = typeof sensitiveLimits.$inferSelect;
