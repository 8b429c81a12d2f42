import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { timestamp, createdAt } from "./columns";
import { staffUsers } from "./staff";
import { recipients } from "./propagation";
import type { ShortLayer } from "@/lib/notices/required-elements";

export const purposes = sqliteTable(
  "purposes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    legalBasis: text("legal_basis", {
      enum: ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"],
    }).notNull(),
    dataCategories: text("data_categories", { mode: "json" }).$type<string[]>().notNull(),
    retentionDays: integer("retention_days").notNull(),
    /** How long a grant stays valid before it must be confirmed again; null = until withdrawn. */
    validityDays: integer("validity_days"),
    saleOrSharing: integer("sale_or_sharing", { mode: "boolean" }).notNull().default(false),
    sensitive: integer("sensitive", { mode: "boolean" }).notNull().default(false),
    /**
     * Uses sensitive personal information beyond what CCPA §7027(m) allows without offering the right to limit
     * (e.g. inferring characteristics, targeted offers from precise location); a limit request stops it for the person.
     */
    sensitiveBeyondPermitted: integer("sensitive_beyond_permitted", { mode: "boolean" }).notNull().default(false),
    channels: text("channels", { mode: "json" }).$type<string[]>().notNull(),
    /** Where the purpose applies (lib/jurisdictions.ts); it goes live only with a published notice in each language those places require. */
    jurisdictions: text("jurisdictions", { mode: "json" }).$type<string[]>().notNull().default([]),
    benefit: text("benefit").notNull(),
    status: text("status", { enum: ["draft", "in_review", "active", "retired"] })
      .notNull()
      .default("draft"),
    /** A revision of an active purpose points at the purpose it will replace. */
    revisionOf: integer("revision_of"),
    reviewComment: text("review_comment"),
    createdById: integer("created_by_id").references(() => staffUsers.id),
    reviewedById: integer("reviewed_by_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
    activatedAt: timestamp("activated_at"),
    retiredAt: timestamp("retired_at"),
    /** When a notice version marked material was last published: grants decided before it are stale. */
    materialChangeAt: timestamp("material_change_at"),
  },
  (t) => [index("purposes_key_idx").on(t.key), index("purposes_status_idx").on(t.status)],
);

/**
 * A purpose sends data to a recipient in the registry (recipients): its name, role and country live there. A
 * link is history as well as the data map: a revision that drops a recipient closes its link (unlinked_at)
 * rather than deleting it, so who received a person's data, and when, can still be told (db/propagation/
 * holders.ts). The data map reads open links only; a purpose has at most one open link per recipient.
 */
export const purposeRecipients = sqliteTable(
  "purpose_recipients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    purposeId: integer("purpose_id")
      .notNull()
      .references(() => purposes.id, { onDelete: "cascade" }),
    recipientId: integer("recipient_id")
      .notNull()
      .references((): AnySQLiteColumn => recipients.id),
    /** When the purpose started sending the recipient data (a draft's links: when it went live). */
    linkedAt: timestamp("linked_at")
      .notNull()
      .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
    /** When a revision stopped it; null while the purpose sends the recipient data. */
    unlinkedAt: timestamp("unlinked_at"),
  },
  (t) => [
    uniqueIndex("purpose_recipients_open_idx")
      .on(t.purposeId, t.recipientId)
      .where(sql`unlinked_at IS NULL`),
  ],
);

/** One notice per purpose and locale; its text lives in versions. */
export const notices = sqliteTable(
  "notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    purposeId: integer("purpose_id")
      .notNull()
      .references(() => purposes.id),
    locale: text("locale").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("notices_purpose_locale_idx").on(t.purposeId, t.locale)],
);

/** The first layer of a notice, one field per required element (SPEC §2). */
export type { ShortLayer };

/** The editable fields of a purpose, as a revision proposes them; its recipients by their id in the registry (recipients). */
export type PurposeFields = Pick<
  Purpose,
  | "name"
  | "description"
  | "legalBasis"
  | "dataCategories"
  | "retentionDays"
  | "validityDays"
  | "saleOrSharing"
  | "sensitive"
  | "sensitiveBeyondPermitted"
  | "channels"
  | "jurisdictions"
  | "benefit"
> & { recipientIds: number[] };

/**
 * A proposed change to an active purpose. The active purpose stays in force,
 * unchanged, until a privacy officer approves the revision.
 */
export const purposeRevisions = sqliteTable(
  "purpose_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    purposeId: integer("purpose_id")
      .notNull()
      .references(() => purposes.id),
    status: text("status", { enum: ["draft", "in_review", "approved", "returned", "withdrawn"] }).notNull(),
    fields: text("fields", { mode: "json" }).$type<PurposeFields>().notNull(),
    reviewComment: text("review_comment"),
    createdById: integer("created_by_id").references(() => staffUsers.id),
    reviewedById: integer("reviewed_by_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
    decidedAt: timestamp("decided_at"),
  },
  // The status index: the review inbox and its count in the menu read the revisions in review on every page.
  (t) => [index("purpose_revisions_purpose_idx").on(t.purposeId, t.status), index("purpose_revisions_status_idx").on(t.status)],
);

export const noticeVersions = sqliteTable(
  "notice_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    noticeId: integer("notice_id")
      .notNull()
      .references(() => notices.id),
    version: integer("version").notNull(),
    status: text("status", { enum: ["draft", "in_review", "published", "superseded"] }).notNull(),
    title: text("title").notNull(),
    shortLayer: text("short_layer", { mode: "json" }).$type<ShortLayer>().notNull(),
    fullText: text("full_text").notNull(),
    material: integer("material", { mode: "boolean" }).notNull().default(false),
    changeSummary: text("change_summary"),
    reviewComment: text("review_comment"),
    authorId: integer("author_id").references(() => staffUsers.id),
    reviewerId: integer("reviewer_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    publishedAt: timestamp("published_at"),
  },
  (t) => [
    uniqueIndex("notice_versions_notice_version_idx").on(t.noticeId, t.version),
    // The review inbox and its count in the menu read the versions in review on every page.
    index("notice_versions_status_idx").on(t.status),
  ],
);

export type Purpose = typeof purposes.$inferSelect;
export type PurposeRecipient = typeof purposeRecipients.$inferSelect;
export type Notice = typeof notices.$inferSelect;
export type NoticeVersion = typeof noticeVersions.$inferSelect;
export type PurposeRevision = typeof purposeRevisions.$inferSelect;
