import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { reportScopes } from "../../lib/transparency/kinds";
import type { ReportFigures } from "../../lib/transparency/figures";
import { timestamp } from "./columns";
import { staffUsers } from "./staff";

/**
 * Published transparency reports (CCPA 11 CCR §7102): one row per version of a year's report, its figures frozen as
 * computed when published and never recomputed. Version 1 is the first publication; each later version is a
 * correction and states why. Rows are never updated or deleted.
 */
export const transparencyReports = sqliteTable(
  "transparency_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    /** Whom the main table covers; the California figures are in `figures` either way. */
    scope: text("scope", { enum: reportScopes }).notNull(),
    figures: text("figures", { mode: "json" }).$type<ReportFigures>().notNull(),
    /** Why this version corrects the one before; null for version 1. */
    reason: text("reason"),
    publishedAt: timestamp("published_at").notNull(),
    publishedById: integer("published_by_id").references(() => staffUsers.id),
  },
  (t) => [uniqueIndex("transparency_reports_year_version_idx").on(t.year, t.version)],
);

export type TransparencyReport = typeof transparencyReports.$inferSelect;
