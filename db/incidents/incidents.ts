import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Incident, IncidentLinks } from "@/lib/incidents/incident";
import type { IncidentStatus } from "@/lib/incidents/vocabulary";
import { db } from "../client";
import { incidentPurposes, incidentRecipients, incidents, purposes, recipients } from "../schema";
import { listIncidentEvents, type IncidentTimelineEntry } from "./timeline";

export type IncidentPurposeRef = { id: number; key: string; name: string };
export type IncidentRecipientRef = { id: number; name: string; country: string };
export type IncidentDetail = { incident: Incident & IncidentLinks; purposes: IncidentPurposeRef[]; recipients: IncidentRecipientRef[] };

/** The incident's purposes and recipients by id, for any connection's reads inside a write. */
export function incidentLinks(incidentId: number): IncidentLinks {
  const purposeIds = db
    .select({ id: incidentPurposes.purposeId })
    .from(incidentPurposes)
    .where(eq(incidentPurposes.incidentId, incidentId))
    .all()
    .map((r) => r.id);
  const recipientIds = db
    .select({ id: incidentRecipients.recipientId })
    .from(incidentRecipients)
    .where(eq(incidentRecipients.incidentId, incidentId))
    .all()
    .map((r) => r.id);
  return { purposeIds, recipientIds };
}

/** One incident with the purposes and recipients it involved; undefined when there is none by that id. */
export function getIncident(id: number): IncidentDetail | undefined {
  const row = db.select().from(incidents).where(eq(incidents.id, id)).get();
  if (!row) return undefined;
  const ps = db
    .select({ id: purposes.id, key: purposes.key, name: purposes.name })
    .from(incidentPurposes)
    .innerJoin(purposes, eq(purposes.id, incidentPurposes.purposeId))
    .where(eq(incidentPurposes.incidentId, id))
    .orderBy(asc(purposes.name))
    .all();
  const rs = db
    .select({ id: recipients.id, name: recipients.name, country: recipients.country })
    .from(incidentRecipients)
    .innerJoin(recipients, eq(recipients.id, incidentRecipients.recipientId))
    .where(eq(incidentRecipients.incidentId, id))
    .orderBy(asc(recipients.name))
    .all();
  return { incident: { ...row, purposeIds: ps.map((p) => p.id), recipientIds: rs.map((r) => r.id) }, purposes: ps, recipients: rs };
}

/** The incident with that reference (INC-2026-0001), for links and tests. */
export function getIncidentByReference(reference: string): Incident | undefined {
  return db.select().from(incidents).where(eq(incidents.reference, reference)).get();
}

export type IncidentFilter = { status?: IncidentStatus; drill?: boolean };

/** The register, newest awareness first: open ones, closed ones, or all; drills included unless asked otherwise. */
export function listIncidents(filter: IncidentFilter = {}): (Incident & IncidentLinks)[] {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(incidents.status, filter.status));
  if (filter.drill !== undefined) where.push(eq(incidents.drill, filter.drill));
  const rows = db
    .select()
    .from(incidents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(incidents.awareAt), desc(incidents.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ps = db.select().from(incidentPurposes).where(inArray(incidentPurposes.incidentId, ids)).all();
  const rs = db.select().from(incidentRecipients).where(inArray(incidentRecipients.incidentId, ids)).all();
  return rows.map((r) => ({
    ...r,
    purposeIds: ps.filter((p) => p.incidentId === r.id).map((p) => p.purposeId),
    recipientIds: rs.filter((x) => x.incidentId === r.id).map((x) => x.recipientId),
  }));
}

/** How many incidents are open and closed, drills apart (the list's filters and the executive's counts). */
export function countIncidents(): { status: IncidentStatus; drill: boolean; count: number }[] {
  return db
    .select({ status: incidents.status, drill: incidents.drill, count: sql<number>`count(*)` })
    .from(incidents)
    .groupBy(incidents.status, incidents.drill)
    .all();
}

/** An incident's timeline, oldest first. */
export function listIncidentTimeline(incidentId: number): IncidentTimelineEntry[] {
  return listIncidentEvents(db, incidentId);
}

export type IncidentChoices = {
  purposes: { id: number; key: string; name: string; dataCategories: string[] }[];
  recipients: { id: number; name: string; country: string }[];
};

/** What the register form offers: every purpose (a retired one's data may still leak) and every recipient. */
export function listIncidentChoices(): IncidentChoices {
  return {
    purposes: db
      .select({ id: purposes.id, key: purposes.key, name: purposes.name, dataCategories: purposes.dataCategories })
      .from(purposes)
      .orderBy(asc(purposes.name))
      .all(),
    recipients: db
      .select({ id: recipients.id, name: recipients.name, country: recipients.country })
      .from(recipients)
      .orderBy(asc(recipients.name))
      .all(),
  };
}
