import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import {
  incidentCauses,
  incidentCertainties,
  incidentStatuses,
  notificationDelayReasons,
  peopleNoticeExceptions,
  riskLevels,
  type IncidentDataFact,
  type IncidentNature,
} from "../../lib/incidents/vocabulary";
import { incidentEventKinds } from "../../lib/incidents/incident";
import type { DataCategory } from "../../lib/purposes/vocabulary";
import { timestamp, createdAt } from "./columns";
import { staffUsers } from "./staff";
import { purposes } from "./purposes";
import { recipients } from "./propagation";

/**
 * The breach register (issue 21). Every breach is kept, notified or not (GDPR Art. 33(5)), and "may have occurred"
 * cases too (APPI Rules Art. 7); a drill runs every step and nothing leaves. The clocks start at aware_at.
 */
export const incidents = sqliteTable(
  "incidents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** INC-2026-0001: the year the brand recorded it (its time zone), then a number within that year. */
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    certainty: text("certainty", { enum: incidentCertainties }).notNull(),
    drill: integer("drill", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: incidentStatuses }).notNull().default("open"),
    awareAt: timestamp("aware_at").notNull(),
    occurredFrom: timestamp("occurred_from"),
    occurredTo: timestamp("occurred_to"),
    natures: text("natures", { mode: "json" }).$type<IncidentNature[]>().notNull(),
    cause: text("cause", { enum: incidentCauses }).notNull(),
    causeNote: text("cause_note"),
    dataCategories: text("data_categories", { mode: "json" }).$type<DataCategory[]>().notNull(),
    dataFacts: text("data_facts", { mode: "json" }).$type<IncidentDataFact[]>().notNull(),
    encrypted: integer("encrypted", { mode: "boolean" }).notNull().default(false),
    keyTaken: integer("key_taken", { mode: "boolean" }).notNull().default(false),
    containment: text("containment"),
    remedial: text("remedial"),
    risk: text("risk", { enum: riskLevels }).notNull(),
    riskReason: text("risk_reason").notNull(),
    /** GDPR Art. 34(3): why people are not told of a high-risk breach (disproportionate effort: a public notice instead). */
    peopleException: text("people_exception", { enum: peopleNoticeExceptions }),
    peopleExceptionReason: text("people_exception_reason"),
    /** Cal. Civ. Code §1798.82(a)(2), (c): why residents are told later than 30 days after discovery. */
    delayReason: text("delay_reason", { enum: notificationDelayReasons }),
    delayNote: text("delay_note"),
    createdById: integer("created_by")
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
    closedAt: timestamp("closed_at"),
  },
  (t) => [uniqueIndex("incidents_reference_idx").on(t.reference), index("incidents_status_idx").on(t.status, t.awareAt)],
);

/** The purposes whose data the incident involved. */
export const incidentPurposes = sqliteTable(
  "incident_purposes",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    purposeId: integer("purpose_id")
      .notNull()
      .references(() => purposes.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.purposeId] }), index("incident_purposes_purpose_idx").on(t.purposeId)],
);

/** The recipients involved (where the breach happened at a processor, or the data a recipient holds). */
export const incidentRecipients = sqliteTable(
  "incident_recipients",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => recipients.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.recipientId] }), index("incident_recipients_recipient_idx").on(t.recipientId)],
);

/**
 * The incident's timeline: each step with who took it and when. Steps of every tab (affected, reports, notices)
 * are written here by their own write paths through appendIncidentEvent (db/incidents/timeline.ts).
 */
export const incidentEvents = sqliteTable(
  "incident_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: incidentEventKinds }).notNull(),
    /** A staff member, or null for Candor's own steps (a batch finishing). */
    actorId: integer("actor_id").references(() => staffUsers.id),
    at: timestamp("at").notNull(),
    /** What the step changed or names: the fields edited, a duty kind, counts; never a person's data. */
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("incident_events_incident_idx").on(t.incidentId, t.at)],
);

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentEventRow = typeof incidentEvents.$inferSelect;
