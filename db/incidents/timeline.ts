import { asc, eq } from "drizzle-orm";
import type { IncidentEventKind } from "@/lib/incidents/incident";
import { incidentEvents, staffUsers, type IncidentEventRow } from "../schema";
import type { Db } from "../connection";

export type NewIncidentEvent = {
  incidentId: number;
  kind: IncidentEventKind;
  /** The staff member who took the step; null for Candor's own (a batch finishing). */
  actorId: number | null;
  at?: Date;
  /** What the step changed or names (fields, a duty kind, counts); never a person's data. */
  details?: Record<string, unknown>;
};

/**
 * Adds a step to an incident's timeline. Every write path of the incident tabs (register, affected, reports,
 * notices) calls it inside its own transaction, on the connection it holds, beside its audit entry.
 */
export function appendIncidentEvent(db: Db, event: NewIncidentEvent): IncidentEventRow {
  return db
    .insert(incidentEvents)
    .values({
      incidentId: event.incidentId,
      kind: event.kind,
      actorId: event.actorId,
      at: event.at ?? new Date(),
      details: event.details ?? {},
    })
    .returning()
    .get();
}

export type IncidentTimelineEntry = IncidentEventRow & { actorName: string | null };

/** An incident's timeline, oldest first, with the name of who took each step. */
export function listIncidentEvents(db: Db, incidentId: number): IncidentTimelineEntry[] {
  return db
    .select({
      id: incidentEvents.id,
      incidentId: incidentEvents.incidentId,
      kind: incidentEvents.kind,
      actorId: incidentEvents.actorId,
      at: incidentEvents.at,
      details: incidentEvents.details,
      actorName: staffUsers.name,
    })
    .from(incidentEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, incidentEvents.actorId))
    .where(eq(incidentEvents.incidentId, incidentId))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id))
    .all();
}
