import "server-only";
import { and, desc, eq, max } from "drizzle-orm";
import { ConflictError } from "@/lib/errors";
import { isTimeZone } from "@/lib/time";
import type { ReportFigures } from "@/lib/transparency/figures";
import type { ReportScope } from "@/lib/transparency/kinds";
import { db } from "../client";
import { brandSettings, staffUsers, transparencyReports, type TransparencyReport } from "../schema";
import { appendAuditEntry } from "../staff/audit-chain";
import type { Actor } from "../staff/staff";
import { computeLiveFigures } from "./figures";

/** A published version with the name of who published it. */
export type ReportVersion = TransparencyReport & { publishedByName: string | null };

// The zone the brand's calendar year is read in: its setting, or UTC when it names no zone this runtime knows.
function brandZone(): string {
  const zone = db.select({ timeZone: brandSettings.timeZone }).from(brandSettings).get()?.timeZone;
  return zone && isTimeZone(zone) ? zone : "UTC";
}

/** A year's figures as they stand now (the preview), in the brand's time zone. */
export function getLiveFigures(year: number): ReportFigures {
  return computeLiveFigures(db, year, brandZone());
}

export type PublishInput = { year: number; scope: ReportScope; reason: string | null };

/**
 * Publishes a year's report as a new frozen version: the figures are computed now and stored as they are. The first
 * version has no reason; every later one is a correction and must say why (ConflictError "already-published" or
 * "not-published" when the form's intent does not match what exists). Audited in the same transaction.
 */
export function publishReport(input: PublishInput, actor: Actor): TransparencyReport {
  return db.$client.transaction((): TransparencyReport => storeReport(input, getLiveFigures(input.year), actor))();
}

/**
 * Stores figures computed a moment before as the year's next version, with the same refusals and audit entry as
 * publishReport. The server's port computes the figures on the request thread (a read of the whole year) and sends
 * only this write to the writer thread, so the computation never holds the writer.
 */
export function storeReport(input: PublishInput, figures: ReportFigures, actor: Actor): TransparencyReport {
  return db.$client.transaction((): TransparencyReport => {
    const latest =
      db
        .select({ version: max(transparencyReports.version) })
        .from(transparencyReports)
        .where(eq(transparencyReports.year, input.year))
        .get()?.version ?? 0;
    if (input.reason === null && latest > 0) throw new ConflictError("already-published");
    if (input.reason !== null && latest === 0) throw new ConflictError("not-published");
    const row = db
      .insert(transparencyReports)
      .values({
        year: input.year,
        version: latest + 1,
        scope: input.scope,
        figures,
        reason: input.reason,
        publishedAt: new Date(),
        publishedById: actor.id,
      })
      .returning()
      .get();
    appendAuditEntry(db, {
      actorId: actor.id,
      actorLabel: actor.email,
      action: latest === 0 ? "transparency.publish" : "transparency.correct",
      targetType: "transparency_report",
      targetId: `${row.year}/v${row.version}`,
      details: { year: row.year, version: row.version, scope: row.scope, ...(row.reason ? { reason: row.reason } : {}) },
    });
    return row;
  })();
}

/** Every published version, newest year first and, within a year, newest version first. */
export function listReportVersions(year?: number): ReportVersion[] {
  return db
    .select({ r: transparencyReports, publishedByName: staffUsers.name })
    .from(transparencyReports)
    .leftJoin(staffUsers, eq(staffUsers.id, transparencyReports.publishedById))
    .where(year === undefined ? undefined : eq(transparencyReports.year, year))
    .orderBy(desc(transparencyReports.year), desc(transparencyReports.version))
    .all()
    .map((x) => ({ ...x.r, publishedByName: x.publishedByName }));
}

/** One version of a year's report, or its latest when no version is named. */
export function getReportVersion(year: number, version?: number): TransparencyReport | undefined {
  const where =
    version === undefined
      ? eq(transparencyReports.year, year)
      : and(eq(transparencyReports.year, year), eq(transparencyReports.version, version));
  return db.select().from(transparencyReports).where(where).orderBy(desc(transparencyReports.version)).limit(1).get();
}

/** Whether any report has been published: /notices links to /transparency while one exists. */
export function hasPublishedReport(): boolean {
  return db.select({ id: transparencyReports.id }).from(transparencyReports).limit(1).get() !== undefined;
}
