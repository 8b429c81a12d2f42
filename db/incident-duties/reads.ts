import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { DEFAULT_APPI_PRELIMINARY_DAYS } from "@/lib/incidents/clocks";
import { computeDuties, nearestClock, type AffectedCounts, type Duty, type DutyBrand, type DutyFiling } from "@/lib/incidents/duties";
import type { Incident } from "@/lib/incidents/incident";
import { peopleDutyOf } from "@/lib/incidents/notice-batches";
import { isJurisdiction, type Jurisdiction } from "@/lib/jurisdictions";
import type { DutyKind } from "@/lib/incidents/vocabulary";
import type { Db } from "../connection";
import { brandSettings, incidents } from "../schema";
import { incidentAffected } from "../schema/incident-affected";
import { incidentFilings } from "../schema/incident-filings";
import { incidentNoticeBatches, incidentNotices } from "../schema/incident-notices";

/** What the duties of one incident are computed from, besides the incident itself. */
export type DutyInputs = { affected: AffectedCounts; withoutContact: AffectedCounts; filings: DutyFiling[] };

/** The brand's zone and its APPI preliminary target (lib/incidents/clocks.ts). */
export function dutyBrand(db: Db): DutyBrand {
  const row = db
    .select({ timeZone: brandSettings.timeZone, days: brandSettings.appiBreachPreliminaryDays })
    .from(brandSettings)
    .where(eq(brandSettings.id, 1))
    .get();
  return { timeZone: row?.timeZone ?? "UTC", appiPreliminaryDays: row?.days ?? DEFAULT_APPI_PRELIMINARY_DAYS };
}

/**
 * Affected people per jurisdiction (and of them those with no email to write to), the authority reports marked sent,
 * and the notice batches that finished, each batch a filing of the people duty of every jurisdiction it told.
 */
export function readDutyInputs(db: Db, ids: number[]): Map<number, DutyInputs> {
  const out = new Map<number, DutyInputs>(ids.map((id) => [id, { affected: {}, withoutContact: {}, filings: [] }]));
  if (ids.length === 0) return out;
  const counts = db
    .select({
      incidentId: incidentAffected.incidentId,
      jurisdiction: incidentAffected.jurisdiction,
      people: sql<number>`count(*)`,
      withoutContact: sql<number>`sum(case when ${incidentAffected.hasEmail} then 0 else 1 end)`,
    })
    .from(incidentAffected)
    .where(inArray(incidentAffected.incidentId, ids))
    .groupBy(incidentAffected.incidentId, incidentAffected.jurisdiction)
    .all();
  for (const c of counts) {
    if (!isJurisdiction(c.jurisdiction)) continue;
    const to = out.get(c.incidentId)!;
    to.affected[c.jurisdiction] = c.people;
    to.withoutContact[c.jurisdiction] = c.withoutContact;
  }
  const filed = db
    .select({
      incidentId: incidentFilings.incidentId,
      duty: incidentFilings.duty,
      sentAt: incidentFilings.sentAt,
      note: incidentFilings.note,
    })
    .from(incidentFilings)
    .where(inArray(incidentFilings.incidentId, ids))
    .orderBy(asc(incidentFilings.sentAt))
    .all();
  for (const f of filed) out.get(f.incidentId)!.filings.push({ duty: f.duty, sentAt: f.sentAt, note: f.note });
  const told = db
    .select({
      incidentId: incidentNoticeBatches.incidentId,
      batchId: incidentNoticeBatches.id,
      finishedAt: incidentNoticeBatches.finishedAt,
      jurisdiction: incidentNotices.jurisdiction,
      people: sql<number>`count(*)`,
    })
    .from(incidentNoticeBatches)
    .innerJoin(incidentNotices, eq(incidentNotices.batchId, incidentNoticeBatches.id))
    .where(
      and(
        inArray(incidentNoticeBatches.incidentId, ids),
        eq(incidentNoticeBatches.status, "sent"),
        isNotNull(incidentNoticeBatches.finishedAt),
      ),
    )
    .groupBy(incidentNoticeBatches.id, incidentNotices.jurisdiction)
    .all();
  // One filing per batch and duty: a batch to EU and UK people is one notice under GDPR Art. 34.
  const perBatch = new Map<string, DutyFiling & { incidentId: number }>();
  for (const t of told) {
    const duty: DutyKind | undefined = isJurisdiction(t.jurisdiction) ? peopleDutyOf[t.jurisdiction as Jurisdiction] : undefined;
    if (!duty || !t.finishedAt) continue;
    const key = `${t.batchId}:${duty}`;
    const f = perBatch.get(key) ?? { incidentId: t.incidentId, duty, sentAt: t.finishedAt, people: 0 };
    f.people = (f.people ?? 0) + t.people;
    perBatch.set(key, f);
  }
  for (const { incidentId, ...f } of perBatch.values()) out.get(incidentId)!.filings.push(f);
  return out;
}

/** Each incident with its duties as they stand now. */
export function dutiesOf<I extends Incident>(db: Db, list: I[], now: Date): { incident: I; duties: Duty[]; inputs: DutyInputs }[] {
  const brand = dutyBrand(db);
  const inputs = readDutyInputs(
    db,
    list.map((i) => i.id),
  );
  return list.map((incident) => {
    const x = inputs.get(incident.id)!;
    return { incident, inputs: x, duties: computeDuties(incident, x.affected, brand, x.filings, now, x.withoutContact) };
  });
}

/** One incident's duties, or undefined when there is no such incident. */
export function getIncidentDuties(db: Db, id: number, now: Date) {
  const incident = db.select().from(incidents).where(eq(incidents.id, id)).get();
  return incident ? { ...dutiesOf(db, [incident], now)[0], brand: dutyBrand(db) } : undefined;
}

/** An open incident as privacy operations and the executive see it: no person, only counts and its nearest clock. */
export type OpenIncidentClock = {
  id: number;
  reference: string;
  title: string;
  drill: boolean;
  awareAt: Date;
  nearest: ReturnType<typeof nearestClock>;
  overdue: number;
  applying: number;
  affected: number;
};

/** The open incidents, nearest clock first (those with no running clock last, newest first among them). */
export function listOpenIncidentClocks(db: Db, now: Date): OpenIncidentClock[] {
  const open = db.select().from(incidents).where(eq(incidents.status, "open")).all();
  const rows = dutiesOf(db, open, now).map(({ incident: i, duties, inputs }) => ({
    id: i.id,
    reference: i.reference,
    title: i.title,
    drill: i.drill,
    awareAt: i.awareAt,
    nearest: nearestClock(duties),
    overdue: duties.filter((d) => d.status === "overdue").length,
    applying: duties.filter((d) => d.applies).length,
    affected: Object.values(inputs.affected).reduce((n, c) => n + (c ?? 0), 0),
  }));
  const key = (r: OpenIncidentClock) => r.nearest?.at.getTime() ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => key(a) - key(b) || b.awareAt.getTime() - a.awareAt.getTime());
}

/**
 * The duties of every incident that is not a drill, as they stand now: what the trust dashboard's share of duties met
 * on time is counted from (lib/incidents/on-time.ts). The register is small (incidents, not events), so it is read whole.
 */
export function listRecordedDuties(db: Db, now: Date): { drill: boolean; duties: Duty[] }[] {
  const list = db.select().from(incidents).where(eq(incidents.drill, false)).all();
  return dutiesOf(db, list, now).map(({ incident, duties }) => ({ drill: incident.drill, duties }));
}
