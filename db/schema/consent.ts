import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { consentEventTypes, consentSources } from "../../lib/consent/vocabulary";
import { timestamp, createdAt } from "./columns";
import { purposes, noticeVersions } from "./purposes";

export const subjects = sqliteTable(
  "subjects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Public, random identifier used by the API and receipts. */
    uid: text("uid").notNull().unique(),
    /** The brand's own customer id, when it has one. */
    externalId: text("external_id").unique(),
    email: text("email").unique(),
    name: text("name"),
    phone: text("phone"),
    jurisdiction: text("jurisdiction").notNull(),
    locale: text("locale").notNull(),
    isMinor: integer("is_minor", { mode: "boolean" }).notNull().default(false),
    guardianName: text("guardian_name"),
    guardianEmail: text("guardian_email"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [index("subjects_jurisdiction_idx").on(t.jurisdiction)],
);

/** The consent ledger: appended, never updated (erasure is the one exception). */
export const consentEvents = sqliteTable(
  "consent_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectId: integer("subject_id")
      .notNull()
      .references(() => subjects.id),
    purposeId: integer("purpose_id")
      .notNull()
      .references(() => purposes.id),
    noticeVersionId: integer("notice_version_id")
      .notNull()
      .references(() => noticeVersions.id),
    event: text("event", { enum: consentEventTypes }).notNull(),
    /** The communication channel the choice is about; null means the whole purpose. */
    channel: text("channel"),
    jurisdiction: text("jurisdiction").notNull(),
    source: text("source", { enum: consentSources }).notNull(),
    locale: text("locale").notNull(),
    gpc: integer("gpc", { mode: "boolean" }).notNull().default(false),
    guardianName: text("guardian_name"),
    idempotencyKey: text("idempotency_key"),
    occurredAt: timestamp("occurred_at").notNull(),
    recordedAt: timestamp("recorded_at").notNull(),
  },
  (t) => [
    index("consent_events_subject_idx").on(t.subjectId),
    uniqueIndex("consent_events_idempotency_idx")
      .on(t.idempotencyKey)
      .where(sql`idempotency_key IS NOT NULL`),
  ],
);

/** Current state per subject and purpose, kept in step with the ledger. */
export const consentState = sqliteTable(
  "consent_state",
  {
    subjectId: integer("subject_id")
      .notNull()
      .references(() => subjects.id),
    purposeId: integer("purpose_id")
      .notNull()
      .references(() => purposes.id),
    state: text("state", { enum: consentEventTypes }).notNull(),
    channels: text("channels", { mode: "json" }).$type<string[]>().notNull(),
    noticeVersionId: integer("notice_version_id").notNull(),
    lastEventId: integer("last_event_id").notNull(),
    gpc: integer("gpc", { mode: "boolean" }).notNull().default(false),
    decidedAt: timestamp("decided_at").notNull(),
    expiresAt: timestamp("expires_at"),
  },
  // No index by purpose: every write would pay for it, and only the rare notice publication reads that way.
  (t) => [primaryKey({ columns: [t.subjectId, t.purposeId] })],
);

/** Event counts per day and dimension; dashboards read these, never the ledger. */
export const consentDailyRollups = sqliteTable(
  "consent_daily_rollups",
  {
    day: text("day").notNull(),
    purposeId: integer("purpose_id").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    source: text("source").notNull(),
    locale: text("locale").notNull(),
    channel: text("channel").notNull().default(""),
    event: text("event").notNull(),
    gpc: integer("gpc", { mode: "boolean" }).notNull().default(false),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.purposeId, t.jurisdiction, t.source, t.locale, t.channel, t.event, t.gpc] })],
);

/** How many subjects are in each state per purpose and jurisdiction, kept in step with consent_state. */
export const consentStateTotals = sqliteTable(
  "consent_state_totals",
  {
    purposeId: integer("purpose_id").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    state: text("state").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.purposeId, t.jurisdiction, t.state] })],
);

/** What is left of an erased subject: enough to prove the erasure and never re-contact. */
export const suppressionTombstones = sqliteTable("suppression_tombstones", {
  identifierHash: text("identifier_hash").primaryKey(),
  requestRef: text("request_ref"),
  createdAt: createdAt(),
});

export const verificationCodes = sqliteTable(
  "verification_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // "export": the hashed token of a subject's download link (request fulfilment); text column, no migration.
    purpose: text("purpose", { enum: ["preferences", "request", "export"] }).notNull(),
    subjectId: integer("subject_id").references(() => subjects.id, { onDelete: "cascade" }),
    requestId: integer("request_id"),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    expiresAt: timestamp("expires_at").notNull(),
    consumedAt: timestamp("consumed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("verification_codes_subject_idx").on(t.subjectId)],
);

export type Subject = typeof subjects.$inferSelect;
export type ConsentEvent = typeof consentEvents.$inferSelect;
export type ConsentState = typeof consentState.$inferSelect;
export type ConsentDailyRollup = typeof consentDailyRollups.$inferSelect;
