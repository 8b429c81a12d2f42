import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { emptyCounts, totalOf, type AffectedApplyMode, type AffectedSource, type JurisdictionCounts } from "@/lib/incidents/affected";
import { isJurisdiction, type Jurisdiction } from "@/lib/jurisdictions";
import type { Db } from "../connection";
import { incidentAffected, incidentSelections, incidents, staffUsers, subjects } from "../schema";
import { appendAuditEntry, type NewAuditEntry } from "../staff/audit-chain";
import type { Actor } from "../staff/staff";
import { appendIncidentEvent } from "../incidents/timeline";
import type { FoundPerson, ListReport } from "./select";

/**
 * The affected people of an incident as stored (incident_affected) and the selections that made them. Every
 * function takes the connection, so the bench and tests run them on theirs and the server on its own (./server.ts).
 */

export type ApplySelection = {
  incidentId: number;
  source: AffectedSource;
  mode: AffectedApplyMode;
  criteria: Record<string, unknown> | null;
  list: ListReport | null;
  people: FoundPerson[];
  counts: JurisdictionCounts;
  durationMs: number;
};

const INSERT_BLOCK = 200;

export type ApplyOptions = {
  now?: Date;
  /** Where the audit entry goes: the log (default), or the demo seed's list, which it writes in time order. */
  audit?: (db: Db, entry: NewAuditEntry) => void;
  /** The demo seed writes a closed incident's history as it happened, when it was open. */
  allowClosed?: boolean;
};

/**
 * Applies a selection in one transaction: replaces the incident's affected people or adds to them (someone already
 * there stays as first selected), records the selection, a timeline step and an audit entry (counts, never people).
 * A closed incident is refused: reopen it first, so the register shows when its people changed.
 */
export function applySelection(
  db: Db,
  input: ApplySelection,
  actor: Actor,
  options: ApplyOptions = {},
): { selectionId: number; affected: number } {
  const { now = new Date(), audit = appendAuditEntry, allowClosed = false } = options;
  return db.$client
    .transaction(() => {
      const incident = db
        .select({ id: incidents.id, reference: incidents.reference, drill: incidents.drill, status: incidents.status })
        .from(incidents)
        .where(eq(incidents.id, input.incidentId))
        .get();
      if (!incident) throw new NotFoundError("incident");
      if (incident.status !== "open" && !allowClosed) throw new ConflictError("incident-closed");
      const found = input.people.length;
      const listReport = input.list
        ? { read: input.list.read, duplicates: input.list.duplicates, invalid: input.list.invalid, unknown: input.list.unknown }
        : null;
      const selection = db
        .insert(incidentSelections)
        .values({
          incidentId: incident.id,
          source: input.source,
          mode: input.mode,
          criteria: input.criteria,
          listReport,
          counts: input.counts,
          found,
          affectedAfter: 0,
          durationMs: Math.round(input.durationMs),
          createdById: actor.id,
          createdAt: now,
        })
        .returning({ id: incidentSelections.id })
        .get();
      if (input.mode === "replace") db.delete(incidentAffected).where(eq(incidentAffected.incidentId, incident.id)).run();
      const insert = db.$client.prepare(
        `INSERT OR IGNORE INTO incident_affected (incident_id, subject_id, selection_id, jurisdiction, locale, has_email, has_phone)
         VALUES ${Array.from({ length: INSERT_BLOCK }, () => "(?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      );
      const one = db.$client.prepare(
        `INSERT OR IGNORE INTO incident_affected (incident_id, subject_id, selection_id, jurisdiction, locale, has_email, has_phone)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const values = (p: FoundPerson) => [
        incident.id,
        p.subjectId,
        selection.id,
        p.jurisdiction,
        p.locale,
        p.hasEmail ? 1 : 0,
        p.hasPhone ? 1 : 0,
      ];
      let i = 0;
      for (; i + INSERT_BLOCK <= found; i += INSERT_BLOCK) insert.run(input.people.slice(i, i + INSERT_BLOCK).flatMap(values));
      for (; i < found; i++) one.run(values(input.people[i]));
      const affected = db
        .select({ n: sql<number>`count(*)` })
        .from(incidentAffected)
        .where(eq(incidentAffected.incidentId, incident.id))
        .get()!.n;
      db.update(incidentSelections).set({ affectedAfter: affected }).where(eq(incidentSelections.id, selection.id)).run();
      const details = {
        source: input.source,
        mode: input.mode,
        found,
        affected,
        counts: input.counts,
        ...(listReport ? { list: listReport } : {}),
      };
      appendIncidentEvent(db, { incidentId: incident.id, kind: "affected_selected", actorId: actor.id, at: now, details });
      audit(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "incident.affected-selected",
        targetType: "incident",
        targetId: incident.id,
        details: { reference: incident.reference, drill: incident.drill, ...details },
        at: now,
      });
      return { selectionId: selection.id, affected };
    })
    .immediate();
}

export type AffectedSummaryRow = { jurisdiction: Jurisdiction; locale: string; people: number; withEmail: number };
export type AffectedSummary = {
  total: number;
  counts: JurisdictionCounts;
  /** People without an email address per jurisdiction: a notice to them is published instead (PIPA Decree Art. 40(2)). */
  withoutEmail: JurisdictionCounts;
  rows: AffectedSummaryRow[];
};

/** Counts of the incident's affected people per jurisdiction and language, with and without an address. */
export function getAffectedSummary(db: Db, incidentId: number): AffectedSummary {
  const rows = db
    .select({
      jurisdiction: incidentAffected.jurisdiction,
      locale: incidentAffected.locale,
      people: sql<number>`count(*)`,
      withEmail: sql<number>`sum(${incidentAffected.hasEmail})`,
    })
    .from(incidentAffected)
    .where(eq(incidentAffected.incidentId, incidentId))
    .groupBy(incidentAffected.jurisdiction, incidentAffected.locale)
    .orderBy(asc(incidentAffected.jurisdiction), asc(incidentAffected.locale))
    .all()
    .filter((r): r is AffectedSummaryRow => isJurisdiction(r.jurisdiction));
  const counts = emptyCounts();
  const withoutEmail = emptyCounts();
  for (const r of rows) {
    counts[r.jurisdiction] += r.people;
    withoutEmail[r.jurisdiction] += r.people - r.withEmail;
  }
  return { total: totalOf(counts), counts, withoutEmail, rows };
}

/** The affected people per jurisdiction, for the duties (lib/incidents/duties.ts) and summaries. */
export function affectedCounts(db: Db, incidentId: number): JurisdictionCounts {
  return getAffectedSummary(db, incidentId).counts;
}

export type SelectionEntry = typeof incidentSelections.$inferSelect & { createdByName: string | null };

/** The selections applied to the incident, newest first. */
export function listSelections(db: Db, incidentId: number): SelectionEntry[] {
  return db
    .select({ selection: incidentSelections, createdByName: staffUsers.name })
    .from(incidentSelections)
    .leftJoin(staffUsers, eq(staffUsers.id, incidentSelections.createdById))
    .where(eq(incidentSelections.incidentId, incidentId))
    .orderBy(desc(incidentSelections.id))
    .all()
    .map((r) => ({ ...r.selection, createdByName: r.createdByName }));
}

export type AffectedRecipient = { subjectId: number; jurisdiction: string; locale: string; hasEmail: boolean; hasPhone: boolean };

/**
 * The affected people in subject id order after `afterSubjectId`, a page at a time: what the notices send from
 * (db/incident-notices), each with the jurisdiction and language taken when they were selected.
 */
export function listAffectedRecipients(db: Db, incidentId: number, afterSubjectId = 0, limit = 1000): AffectedRecipient[] {
  return db
    .select({
      subjectId: incidentAffected.subjectId,
      jurisdiction: incidentAffected.jurisdiction,
      locale: incidentAffected.locale,
      hasEmail: incidentAffected.hasEmail,
      hasPhone: incidentAffected.hasPhone,
    })
    .from(incidentAffected)
    .where(and(eq(incidentAffected.incidentId, incidentId), gt(incidentAffected.subjectId, afterSubjectId)))
    .orderBy(asc(incidentAffected.subjectId))
    .limit(limit)
    .all();
}

export type AffectedPerson = {
  subjectId: number;
  uid: string;
  email: string | null;
  externalId: string | null;
  name: string | null;
  jurisdiction: string;
  locale: string;
};

/** A page of the affected people as an officer checks them (the people tab): who, where, in which language. */
export function listAffectedPeople(db: Db, incidentId: number, page: { jurisdiction?: Jurisdiction; offset: number; limit: number }) {
  const where = and(
    eq(incidentAffected.incidentId, incidentId),
    page.jurisdiction ? eq(incidentAffected.jurisdiction, page.jurisdiction) : undefined,
  );
  const people: AffectedPerson[] = db
    .select({
      subjectId: incidentAffected.subjectId,
      uid: subjects.uid,
      email: subjects.email,
      externalId: subjects.externalId,
      name: subjects.name,
      jurisdiction: incidentAffected.jurisdiction,
      locale: incidentAffected.locale,
    })
    .from(incidentAffected)
    .innerJoin(subjects, eq(subjects.id, incidentAffected.subjectId))
    .where(where)
    .orderBy(asc(incidentAffected.subjectId))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(incidentAffected)
    .where(where)
    .get()!.n;
  return { people, total };
}
