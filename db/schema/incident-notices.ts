import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Locale } from "../../lib/i18n/config";
import type { Jurisdiction } from "../../lib/jurisdictions";
import { noticeBatchStatuses, noticeChannels } from "../../lib/incidents/notice-batches";
import { timestamp, createdAt } from "./columns";
import { staffUsers } from "./staff";
import { subjects } from "./consent";
import { outbox } from "./requests";
import { incidents } from "./incidents";

/** A notice as rendered for one language when the batch was asked for: what the approver read is what is sent. */
export type RenderedNotice = { subjectLine: string; body: string; templateVersion: number };

/**
 * Notices to an incident's affected people (issue 21), a batch at a time: who asked, who approved (a second privacy
 * officer above 100 people), the wording per language, and the progress of its queuing through the outbox. A drill's
 * batch runs the same steps and queues nothing.
 */
export const incidentNoticeBatches = sqliteTable(
  "incident_notice_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    status: text("status", { enum: noticeBatchStatuses }).notNull(),
    /** Copied from the incident when asked for: a drill's batch leaves nothing for anyone. */
    drill: integer("drill", { mode: "boolean" }).notNull(),
    jurisdictions: text("jurisdictions", { mode: "json" }).$type<Jurisdiction[]>().notNull(),
    /** The people it tells: with a contact address (a message each) and without (the public notice). */
    people: integer("people").notNull(),
    withoutContact: integer("without_contact").notNull(),
    /** People handled so far (queued, or recorded in a drill); the slice cursor is the last affected subject id. */
    done: integer("done").notNull().default(0),
    cursor: integer("cursor").notNull().default(0),
    messages: text("messages", { mode: "json" }).$type<Partial<Record<Locale, RenderedNotice>>>().notNull(),
    requestedById: integer("requested_by")
      .notNull()
      .references(() => staffUsers.id),
    requestedAt: timestamp("requested_at").notNull(),
    decidedById: integer("decided_by").references(() => staffUsers.id),
    decidedAt: timestamp("decided_at"),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [index("incident_notice_batches_incident_idx").on(t.incidentId, t.requestedAt)],
);

/**
 * Each person a batch told, and how. An erased person's record keeps its place without them (subject set null), so
 * the batch's counts stay what they were; the outbox row goes with the erasure.
 */
export const incidentNotices = sqliteTable(
  "incident_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    batchId: integer("batch_id")
      .notNull()
      .references(() => incidentNoticeBatches.id, { onDelete: "cascade" }),
    subjectId: integer("subject_id").references(() => subjects.id, { onDelete: "set null" }),
    jurisdiction: text("jurisdiction").notNull(),
    locale: text("locale").notNull(),
    channel: text("channel", { enum: noticeChannels }).notNull(),
    /** The message that carries it; null for the public notice and in a drill (nothing left). */
    outboxId: integer("outbox_id").references(() => outbox.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("incident_notices_batch_subject_idx").on(t.batchId, t.subjectId),
    index("incident_notices_outbox_idx").on(t.outboxId),
  ],
);

/**
 * The notice published on the brand's site for people without contact details (PIPA: at least 30 days; GDPR Art.
 * 34(3)(c)), in every language, with the dates it was shown. Never for a drill.
 */
export const incidentPublicNotices = sqliteTable(
  "incident_public_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    batchId: integer("batch_id")
      .notNull()
      .references(() => incidentNoticeBatches.id, { onDelete: "cascade" }),
    texts: text("texts", { mode: "json" }).$type<Partial<Record<Locale, RenderedNotice>>>().notNull(),
    shownFrom: timestamp("shown_from").notNull(),
    shownUntil: timestamp("shown_until"),
    endedById: integer("ended_by").references(() => staffUsers.id),
  },
  (t) => [
    index("incident_public_notices_shown_idx").on(t.shownUntil, t.shownFrom),
    uniqueIndex("incident_public_notices_batch_idx").on(t.batchId),
  ],
);

export type IncidentNoticeBatch = typeof incidentNoticeBatches.$inferSelect;
export type IncidentNoticeRow = typeof incidentNotices.$inferSelect;
export type IncidentPublicNotice = typeof incidentPublicNotices.$inferSelect;
