import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { staffUsers } from "./staff";

/**
 * The brand's wording of a message to a person (lib/messages/templates), one row per saved
 * version of a kind in a language: versions count up from 1 and are never changed or deleted, so
 * who wrote what and when stays on record. The sender uses the highest version; with none it sends
 * the shipped default. The author's email is kept beside the id, so the list still says who once
 * the account is gone.
 */
export const messageTemplates = sqliteTable(
  "message_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    locale: text("locale").notNull(),
    version: integer("version").notNull(),
    subject: text("subject").notNull(),
    greeting: text("greeting").notNull(),
    body: text("body").notNull(),
    signature: text("signature").notNull(),
    createdById: integer("created_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
    createdByLabel: text("created_by_label").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("message_templates_kind_locale_version_idx").on(t.kind, t.locale, t.version)],
);

export type MessageTemplate = typeof messageTemplates.$inferSelect;
