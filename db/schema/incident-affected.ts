import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { affectedApplyModes, affectedSources, type JurisdictionCounts } from "../../lib/incidents/affected";
import { createdAt } from "./columns";
import { staffUsers } from "./staff";
import { subjects } from "./consent";
import { incidents } from "./incidents";

/**
 * Each selection of affected people an officer applied to an incident (issue 21, deliverable 2): how it was made
 * (criteria, or a list and what could not be matched, as counts: an unknown email is not kept), how many it found
 * per jurisdiction, and whether it replaced or added to the people before it. The history of who was counted, when.
 */
export const incidentSelections = sqliteTable(
  "incident_selections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    source: text("source", { enum: affectedSources }).notNull(),
    mode: text("mode", { enum: affectedApplyModes }).notNull(),
    /** The criteria as chosen (purpose ids, categories, jurisdictions, from/to in ms), or null for a list. */
    criteria: text("criteria", { mode: "json" }).$type<Record<string, unknown>>(),
    /** A list's entries read, duplicates, unreadable and unknown entries (counts only), or null for criteria. */
    listReport: text("list_report", { mode: "json" }).$type<{ read: number; duplicates: number; invalid: number; unknown: number }>(),
    /** People the selection found, per jurisdiction. */
    counts: text("counts", { mode: "json" }).$type<JurisdictionCounts>().notNull(),
    found: integer("found").notNull(),
    /** The incident's affected people once it was applied. */
    affectedAfter: integer("affected_after").notNull(),
    durationMs: integer("duration_ms").notNull(),
    createdById: integer("created_by")
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index("incident_selections_incident_idx").on(t.incidentId, t.id)],
);

/**
 * The people an incident affected, as the notices need them (db/incident-notices reads these): where they live
 * (which law's notice), the language they read, and whether Candor has an address to send to (or a public notice
 * must stand in). Taken when the selection was applied. An erased person's row goes with them (cascade).
 */
export const incidentAffected = sqliteTable(
  "incident_affected",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    subjectId: integer("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "cascade" }),
    selectionId: integer("selection_id")
      .notNull()
      .references(() => incidentSelections.id, { onDelete: "cascade" }),
    jurisdiction: text("jurisdiction").notNull(),
    locale: text("locale").notNull(),
    hasEmail: integer("has_email", { mode: "boolean" }).notNull(),
    hasPhone: integer("has_phone", { mode: "boolean" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.subjectId] }),
    // Erasure deletes a subject: the cascade finds their rows by this index, not by a scan.
    index("incident_affected_subject_idx").on(t.subjectId),
    index("incident_affected_jurisdiction_idx").on(t.incidentId, t.jurisdiction),
  ],
);

export type IncidentSelectionRow = typeof incidentSelections.$inferSelect;
export type IncidentAffectedRow = typeof incidentAffected.$inferSelect;
