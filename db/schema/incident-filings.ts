import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { filingChannels } from "../../lib/incidents/vocabulary";
import { reportKinds, type Draft, type ReportAdditions } from "../../lib/incidents/drafts/types";
import { timestamp, createdAt } from "./columns";
import { staffUsers } from "./staff";
import { incidents } from "./incidents";

/**
 * What the officer writes into an incident's authority reports that the register does not hold (what people can do,
 * remedy procedure, the desk for harm, reasons for a late report, the public announcement, other matters, the
 * identity-theft offer): one row per incident, read by every draft (lib/incidents/drafts/*).
 */
export const incidentReportFields = sqliteTable("incident_report_fields", {
  incidentId: integer("incident_id")
    .primaryKey()
    .references(() => incidents.id, { onDelete: "cascade" }),
  additions: text("additions", { mode: "json" }).$type<ReportAdditions>().notNull(),
  updatedById: integer("updated_by")
    .notNull()
    .references(() => staffUsers.id),
  updatedAt: timestamp("updated_at").notNull(),
});

/**
 * Each authority report marked sent: which duty, the n-th for it (a later phase or stage), when and by which channel
 * it left, the authority's receipt number, and the draft exactly as it was sent. I's duties read these as filings.
 * A drill's filing is recorded like any other (every step runs) and nothing is sent by Candor.
 */
export const incidentFilings = sqliteTable(
  "incident_filings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    duty: text("duty", { enum: reportKinds }).notNull(),
    sequence: integer("sequence").notNull(),
    sentAt: timestamp("sent_at").notNull(),
    channel: text("channel", { enum: filingChannels }).notNull(),
    /** The authority's case or receipt number, if it gave one. */
    receipt: text("receipt"),
    /** Reasons for a late report (GDPR Art. 33(1)) or anything else the officer noted. */
    note: text("note"),
    /** The language the report was filed in, and its draft as sent. */
    locale: text("locale").notNull(),
    content: text("content", { mode: "json" }).$type<Draft>().notNull(),
    recordedById: integer("recorded_by")
      .notNull()
      .references(() => staffUsers.id),
    recordedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("incident_filings_sequence_idx").on(t.incidentId, t.duty, t.sequence),
    index("incident_filings_sent_idx").on(t.sentAt),
  ],
);

export type IncidentFilingRow = typeof incidentFilings.$inferSelect;
