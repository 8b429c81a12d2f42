import { and, eq } from "drizzle-orm";
import type { Draft, ReportAdditions, ReportKind } from "@/lib/incidents/drafts/types";
import type { FilingChannel } from "@/lib/incidents/vocabulary";
import type { Db } from "../connection";
import { incidentFilings, incidentReportFields, incidents } from "../schema";
import { appendIncidentEvent } from "../incidents/timeline";

export type SeedReportFields = { reference: string; additions: ReportAdditions; at: Date };
export type SeedFiling = {
  reference: string;
  duty: ReportKind;
  sentAt: Date;
  channel: FilingChannel;
  receipt: string | null;
  locale: string;
  content: Draft;
};

function incidentId(db: Db, reference: string): number {
  const row = db.select({ id: incidents.id }).from(incidents).where(eq(incidents.reference, reference)).get();
  if (!row) throw new Error(`demo incident ${reference} not found`);
  return row.id;
}

/** A demo incident by its title, as the drafts read it. */
export function seedIncidentByTitle(db: Db, title: string) {
  const row = db.select().from(incidents).where(eq(incidents.title, title)).get();
  if (!row) throw new Error(`demo incident "${title}" not found`);
  return row;
}

/** The demo's report fields of an incident, with the timeline step that wrote them. */
export function insertSeedReportFields(db: Db, s: SeedReportFields, officerId: number): number {
  const id = incidentId(db, s.reference);
  db.insert(incidentReportFields).values({ incidentId: id, additions: s.additions, updatedById: officerId, updatedAt: s.at }).run();
  appendIncidentEvent(db, {
    incidentId: id,
    kind: "report_drafted",
    actorId: officerId,
    at: s.at,
    details: { fields: Object.keys(s.additions).sort() },
  });
  return id;
}

/** A demo report marked sent, numbered after the incident's earlier ones for its duty, with its timeline step. */
export function insertSeedFiling(db: Db, s: SeedFiling, officerId: number): { incidentId: number; sequence: number } {
  const id = incidentId(db, s.reference);
  const sequence =
    db
      .select({ id: incidentFilings.id })
      .from(incidentFilings)
      .where(and(eq(incidentFilings.incidentId, id), eq(incidentFilings.duty, s.duty)))
      .all().length + 1;
  const { reference, ...filing } = s;
  void reference;
  db.insert(incidentFilings)
    .values({ ...filing, incidentId: id, sequence, note: null, recordedById: officerId, recordedAt: s.sentAt })
    .run();
  appendIncidentEvent(db, {
    incidentId: id,
    kind: "report_sent",
    actorId: officerId,
    at: s.sentAt,
    details: { duty: s.duty, sequence, channel: s.channel, sentAt: s.sentAt.toISOString(), drill: false },
  });
  return { incidentId: id, sequence };
}
