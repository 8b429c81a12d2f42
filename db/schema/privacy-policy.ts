import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Locale } from "../../lib/i18n/config";
import type { PolicyDocument } from "../../lib/policy/document";
import { policyVersionStatuses } from "../../lib/policy/versions";
import { timestamp, createdAt } from "./columns";
import { staffUsers } from "./staff";
import { subjects } from "./consent";
import { outbox } from "./requests";

/**
 * The public privacy policy (issue 19), versioned like a notice: a draft generated from the data map, reviewed,
 * published. A published version's document is frozen as assembled at publication; the next one supersedes it.
 */
export const policyVersions = sqliteTable(
  "policy_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    version: integer("version").notNull(),
    status: text("status", { enum: policyVersionStatuses }).notNull(),
    document: text("document", { mode: "json" }).$type<PolicyDocument>().notNull(),
    /** A material change tells the people it concerns when published; an editorial one tells no one. */
    material: integer("material", { mode: "boolean" }).notNull().default(false),
    /** What changed, in each language the people it concerns read (a material change's message quotes it). */
    changeSummary: text("change_summary", { mode: "json" }).$type<Partial<Record<Locale, string>>>(),
    reviewComment: text("review_comment"),
    /** Who generated the draft from the data map; the text is the data map's, so its reviewer may be the same officer. */
    generatedById: integer("generated_by_id").references(() => staffUsers.id),
    reviewerId: integer("reviewer_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    generatedAt: timestamp("generated_at").notNull(),
    submittedAt: timestamp("submitted_at"),
    publishedAt: timestamp("published_at"),
    /** How many people a material change's message went to. */
    notified: integer("notified").notNull().default(0),
  },
  (t) => [uniqueIndex("policy_versions_version_idx").on(t.version), index("policy_versions_status_idx").on(t.status)],
);

/** Each message a material change sent: to whom, in which language, which outbox row carries it. */
export const policyChangeMessages = sqliteTable(
  "policy_change_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => policyVersions.id),
    // An erasure deletes the person and their outbox rows (db/subjects/erasure.ts); the record of the message goes with them.
    subjectId: integer("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "cascade" }),
    outboxId: integer("outbox_id")
      .notNull()
      .references(() => outbox.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("policy_change_messages_version_subject_idx").on(t.versionId, t.subjectId),
    // Deleting an outbox row (an erasure) finds the rows that point at it by index, not by a scan per deleted message.
    index("policy_change_messages_outbox_idx").on(t.outboxId),
  ],
);

export type PolicyVersion = typeof policyVersions.$inferSelect;
export type PolicyChangeMessage = typeof policyChangeMessages.$inferSelect;
