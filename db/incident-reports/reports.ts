import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { NotFoundError } from "@/lib/errors";
import type { Draft, ReportAdditions, ReportKind } from "@/lib/incidents/drafts/types";
import type { FilingChannel } from "@/lib/incidents/vocabulary";
import { db } from "../client";
import { incidentFilings, incidentReportFields, incidents, staffUsers, type IncidentFilingRow } from "../schema";
import { appendIncidentEvent } from "../incidents/timeline";
import { appendAuditEntry } from "../staff/audit-chain";
import type { Actor } from "../staff/staff";

export type IncidentFiling = IncidentFilingRow & { recordedByName: string | null };

/** What the officer wrote into the incident's reports; empty before anything was written. */
export function getReportAdditions(incidentId: number): ReportAdditions {
  return db.select().from(incidentReportFields).where(eq(incidentReportFields.incidentId, incidentId)).get()?.additions ?? {};
}

/** Every report marked sent for the incident, oldest first per duty, with who recorded it. */
export function listIncidentFilings(incidentId: number): IncidentFiling[] {
  return db
    .select({
      id: incidentFilings.id,
      incidentId: incidentFilings.incidentId,
      duty: incidentFilings.duty,
      sequence: incidentFilings.sequence,
      sentAt: incidentFilings.sentAt,
      channel: incidentFilings.channel,
      receipt: incidentFilings.receipt,
      note: incidentFilings.note,
      locale: incidentFilings.locale,
      content: incidentFilings.content,
      recordedById: incidentFilings.recordedById,
      recordedAt: incidentFilings.recordedAt,
      recordedByName: staffUsers.name,
    })
    .from(incidentFilings)
    .leftJoin(staffUsers, eq(staffUsers.id, incidentFilings.recordedById))
    .where(eq(incidentFilings.incidentId, incidentId))
    .orderBy(asc(incidentFilings.sentAt), asc(incidentFilings.id))
    .all();
}

function incidentOf(incidentId: number) {
  const row = db
    .select({ id: incidents.id, reference: incidents.reference, drill: incidents.drill })
    .from(incidents)
    .where(eq(incidents.id, incidentId))
    .get();
  if (!row) throw new NotFoundError("incident");
  return row;
}

/** Saves the officer's report fields; the timeline and the audit name which fields changed. Nothing changed writes nothing. */
export function saveReportAdditions(incidentId: number, additions: ReportAdditions, actor: Actor, now = new Date()): { changed: string[] } {
  return db.$client
    .transaction(() => {
      const incident = incidentOf(incidentId);
      const before = getReportAdditions(incidentId);
      const keys = [...new Set([...Object.keys(before), ...Object.keys(additions)])] as (keyof ReportAdditions)[];
      const changed = keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(additions[k] ?? null)).sort();
      if (!changed.length) return { changed };
      db.insert(incidentReportFields)
        .values({ incidentId, additions, updatedById: actor.id, updatedAt: now })
        .onConflictDoUpdate({ target: incidentReportFields.incidentId, set: { additions, updatedById: actor.id, updatedAt: now } })
        .run();
      appendIncidentEvent(db, { incidentId, kind: "report_drafted", actorId: actor.id, at: now, details: { fields: changed } });
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "incident.report-drafted",
        targetType: "incident",
        targetId: incidentId,
        details: { reference: incident.reference, drill: incident.drill, fields: changed },
      });
      return { changed };
    })
    .immediate();
}

export type MarkReportSent = {
  incidentId: number;
  duty: ReportKind;
  sentAt: Date;
  channel: FilingChannel;
  receipt: string | null;
  note: string | null;
  locale: string;
  /** The draft as it was sent, kept with the filing. */
  content: Draft;
};

/**
 * Records that a report left the brand: the next number for its duty (a later phase or stage follows the first), the
 * draft as sent, a timeline step and an audit entry, in one transaction. A drill's report is recorded the same way.
 */
export function markReportSent(input: MarkReportSent, actor: Actor, now = new Date()): IncidentFilingRow {
  return db.$client
    .transaction(() => {
      const incident = incidentOf(input.incidentId);
      const sequence =
        db
          .select({ n: sql<number>`count(*)` })
          .from(incidentFilings)
          .where(and(eq(incidentFilings.incidentId, input.incidentId), eq(incidentFilings.duty, input.duty)))
          .get()!.n + 1;
      const row = db
        .insert(incidentFilings)
        .values({ ...input, sequence, recordedById: actor.id, recordedAt: now })
        .returning()
        .get();
      const details = { duty: input.duty, sequence, channel: input.channel, sentAt: input.sentAt.toISOString(), drill: incident.drill };
      appendIncidentEvent(db, { incidentId: input.incidentId, kind: "report_sent", actorId: actor.id, at: now, details });
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "incident.report-sent",
        targetType: "incident",
        targetId: input.incidentId,
        details: { reference: incident.reference, ...details, receipt: input.receipt },
      });
      return row;
    })
    .immediate();
}
