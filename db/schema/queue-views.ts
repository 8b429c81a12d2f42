import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { staffUsers } from "./staff";

/**
 * A staff member's saved queue views: a name and the queue's canonical query string (lib/requests/filter.ts,
 * queueQuery), read back through the filter's schema whenever it is used. Each member's own; names unique per member.
 */
export const savedQueueViews = sqliteTable(
  "saved_queue_views",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffId: integer("staff_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("saved_queue_views_staff_name_idx").on(t.staffId, t.name)],
);

export type SavedQueueView = typeof savedQueueViews.$inferSelect;
