import { inArray } from "drizzle-orm";
import type { Db } from "../connection";
import { incidentPurposes, incidentRecipients, incidents, purposes, recipients } from "../schema";
import { appendIncidentEvent, type NewIncidentEvent } from "../incidents/timeline";

export type SeedIncident = {
  row: typeof incidents.$inferInsert;
  purposeKeys: string[];
  recipientNames: string[];
  /** The timeline after its first step, oldest first (the incident id is filled in). */
  events: Omit<NewIncidentEvent, "incidentId">[];
};

/** An incident of the demo register with its purposes, recipients (by key and name) and timeline; returns its id. */
export function insertSeedIncident(db: Db, s: SeedIncident): number {
  const { id } = db.insert(incidents).values(s.row).returning({ id: incidents.id }).get();
  const ps = s.purposeKeys.length ? db.select({ id: purposes.id }).from(purposes).where(inArray(purposes.key, s.purposeKeys)).all() : [];
  const rs = s.recipientNames.length
    ? db.select({ id: recipients.id }).from(recipients).where(inArray(recipients.name, s.recipientNames)).all()
    : [];
  if (ps.length !== s.purposeKeys.length || rs.length !== s.recipientNames.length)
    throw new Error(`demo incident ${s.row.reference}: unknown link`);
  if (ps.length)
    db.insert(incidentPurposes)
      .values(ps.map((p) => ({ incidentId: id, purposeId: p.id })))
      .run();
  if (rs.length)
    db.insert(incidentRecipients)
      .values(rs.map((r) => ({ incidentId: id, recipientId: r.id })))
      .run();
  for (const e of s.events) appendIncidentEvent(db, { ...e, incidentId: id });
  return id;
}
