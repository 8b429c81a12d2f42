import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { staffDeliveries, staffEvents } from "../../lib/notifications/vocabulary";
import { timestamp, createdAt } from "./columns";
import { staffUsers } from "./staff";
import { outbox } from "./requests";
import { recipientPaths } from "./propagation";

/** How a staff member hears of each event (lib/notifications/vocabulary.ts); no row means off. */
export const staffNotificationChoices = sqliteTable(
  "staff_notification_choices",
  {
    staffId: integer("staff_id")
      .notNull()
      .references(() => staffUsers.id),
    event: text("event", { enum: staffEvents }).notNull(),
    delivery: text("delivery", { enum: staffDeliveries }).notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.event] }), index("staff_notification_choices_event_idx").on(t.event, t.delivery)],
);

/**
 * What a member was told of, one row per member, event and item (a request, a submission, a failure
 * episode): the unique key is what keeps a rerun from telling anyone twice. An immediate one names its
 * message at once; a digest one waits (outbox_id null) until the member's next digest carries it.
 */
export const staffNotifications = sqliteTable(
  "staff_notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffId: integer("staff_id")
      .notNull()
      .references(() => staffUsers.id),
    event: text("event", { enum: staffEvents }).notNull(),
    /** What it is about: "request:12", "purpose:3@audit:40", "notice-version:8@audit:41", "path-episode:2". */
    itemKey: text("item_key").notNull(),
    delivery: text("delivery", { enum: ["immediate", "digest"] }).notNull(),
    /** The item as the message shows it (lib/notifications/messages.ts NotificationItem). */
    item: text("item", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    outboxId: integer("outbox_id").references(() => outbox.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("staff_notifications_item_idx").on(t.staffId, t.event, t.itemKey),
    index("staff_notifications_digest_idx")
      .on(t.staffId, t.id)
      .where(sql`delivery = 'digest' AND outbox_id IS NULL`),
    // The foreign key's check when an outbox row is deleted (an erasure) reads this, not the whole table.
    index("staff_notifications_outbox_idx").on(t.outboxId),
  ],
);

/** The daily digest a member was sent, one per day of the brand's calendar at most. */
export const staffDigests = sqliteTable(
  "staff_digests",
  {
    staffId: integer("staff_id")
      .notNull()
      .references(() => staffUsers.id),
    /** The brand's local date, YYYY-MM-DD. */
    day: text("day").notNull(),
    outboxId: integer("outbox_id").references(() => outbox.id),
    sentAt: timestamp("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.day] }), index("staff_digests_outbox_idx").on(t.outboxId)],
);

/** Where each of the notification job's scans got to (the last request or audit entry it read). */
export const staffNotificationCursors = sqliteTable("staff_notification_cursors", {
  name: text("name").primaryKey(),
  value: integer("value").notNull(),
});

/** A recipient path's failure, from when the job first saw it until it saw the path work again: told once per episode. */
export const pathFailureEpisodes = sqliteTable(
  "path_failure_episodes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pathId: integer("path_id")
      .notNull()
      .references(() => recipientPaths.id),
    /** lib/notifications/path-health.ts PathFailure. */
    state: text("state").notNull(),
    openedAt: timestamp("opened_at").notNull(),
    closedAt: timestamp("closed_at"),
  },
  (t) => [
    uniqueIndex("path_failure_episodes_open_idx")
      .on(t.pathId)
      .where(sql`closed_at IS NULL`),
  ],
);

export type StaffNotification = typeof staffNotifications.$inferSelect;
