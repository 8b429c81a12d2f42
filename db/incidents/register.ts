import "server-only";
import { eq, inArray, like, sql } from "drizzle-orm";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { changedIncidentFields, incidentReference, type Incident, type RegisterIncidentInput } from "@/lib/incidents/incident";
import { wallClockAsUtc } from "@/lib/time";
import { db } from "../client";
import type { Db } from "../connection";
import { incidentPurposes, incidentRecipients, incidents, purposes, recipients } from "../schema";
import { appendAuditEntry } from "../staff/audit-chain";
import type { Actor } from "../staff/staff";
import { getIncident } from "./incidents";
import { appendIncidentEvent } from "./timeline";

function audit(actor: Actor, action: string, i: Pick<Incident, "id" | "reference" | "drill">, extra: Record<string, unknown> = {}) {
  appendAuditEntry(db, {
    actorId: actor.id,
    actorLabel: actor.email,
    action,
    targetType: "incident",
    targetId: i.id,
    details: { reference: i.reference, drill: i.drill, ...extra },
  });
}

// A purpose or recipient the form named must exist; a stale form after a deletion is refused, not half-saved.
function checkLinks(input: RegisterIncidentInput) {
  const found = (table: typeof purposes | typeof recipients, ids: number[]) =>
    ids.length === 0
      ? 0
      : db
          .select({ n: sql<number>`count(*)` })
          .from(table)
          .where(inArray(table.id, ids))
          .get()!.n;
  if (found(purposes, input.purposeIds) !== input.purposeIds.length) throw new ConflictError("unknown-purpose");
  if (found(recipients, input.recipientIds) !== input.recipientIds.length) throw new ConflictError("unknown-recipient");
}

function writeLinks(tx: Db, incidentId: number, input: RegisterIncidentInput) {
  tx.delete(incidentPurposes).where(eq(incidentPurposes.incidentId, incidentId)).run();
  tx.delete(incidentRecipients).where(eq(incidentRecipients.incidentId, incidentId)).run();
  if (input.purposeIds.length)
    tx.insert(incidentPurposes)
      .values(input.purposeIds.map((purposeId) => ({ incidentId, purposeId })))
      .run();
  if (input.recipientIds.length)
    tx.insert(incidentRecipients)
      .values(input.recipientIds.map((recipientId) => ({ incidentId, recipientId })))
      .run();
}

/** The incident's own columns of a register input (the links go to their tables). */
function own(input: RegisterIncidentInput) {
  const { purposeIds, recipientIds, ...fields } = input;
  void purposeIds;
  void recipientIds;
  return fields;
}

/** The next reference in the year the brand is in (its time zone) at `now`: INC-2026-0007 after INC-2026-0006. */
function nextReference(now: Date, timeZone: string): string {
  const year = new Date(wallClockAsUtc(now.getTime(), timeZone)).getUTCFullYear();
  const last = db
    .select({ reference: sql<string | null>`max(${incidents.reference})` })
    .from(incidents)
    .where(like(incidents.reference, `INC-${year}-%`))
    .get()?.reference;
  return incidentReference(year, last ? Number(last.slice(9)) + 1 : 1);
}

/** Records an incident with its purposes and recipients, its first timeline step and its audit entry, in one transaction. */
export function createIncident(input: RegisterIncidentInput, actor: Actor, brand: { timeZone: string }, now = new Date()): Incident {
  return db.$client
    .transaction(() => {
      checkLinks(input);
      const row = db
        .insert(incidents)
        .values({
          ...own(input),
          reference: nextReference(now, brand.timeZone),
          status: "open",
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      writeLinks(db, row.id, input);
      appendIncidentEvent(db, {
        incidentId: row.id,
        kind: "recorded",
        actorId: actor.id,
        at: now,
        details: { certainty: row.certainty, risk: row.risk },
      });
      audit(actor, "incident.recorded", row, { certainty: row.certainty, risk: row.risk });
      return row;
    })
    .immediate();
}

/** Saves an edit; the timeline and audit name the fields that changed. An edit that changes nothing writes nothing. */
export function updateIncident(id: number, input: RegisterIncidentInput, actor: Actor, now = new Date()): { changed: string[] } {
  return db.$client
    .transaction(() => {
      const before = getIncident(id);
      if (!before) throw new NotFoundError("incident");
      if (before.incident.status === "closed") throw new ConflictError("incident-closed");
      checkLinks(input);
      const changed = changedIncidentFields(before.incident, input);
      if (changed.length === 0) return { changed };
      db.update(incidents)
        .set({ ...own(input), updatedAt: now })
        .where(eq(incidents.id, id))
        .run();
      writeLinks(db, id, input);
      appendIncidentEvent(db, { incidentId: id, kind: "edited", actorId: actor.id, at: now, details: { fields: changed } });
      audit(actor, "incident.edited", { ...before.incident, drill: input.drill }, { fields: changed });
      return { changed };
    })
    .immediate();
}

/** Closes an open incident (its handling is over; it stays in the register) or reopens a closed one, with a note why. */
export function setIncidentStatus(id: number, to: "open" | "closed", note: string | null, actor: Actor, now = new Date()): void {
  db.$client
    .transaction(() => {
      const row = db.select().from(incidents).where(eq(incidents.id, id)).get();
      if (!row) throw new NotFoundError("incident");
      if (row.status === to) throw new ConflictError(to === "closed" ? "incident-closed" : "incident-open");
      db.update(incidents)
        .set({ status: to, closedAt: to === "closed" ? now : null, updatedAt: now })
        .where(eq(incidents.id, id))
        .run();
      const kind = to === "closed" ? "closed" : "reopened";
      appendIncidentEvent(db, { incidentId: id, kind, actorId: actor.id, at: now, details: note ? { note } : {} });
      audit(actor, `incident.${kind}`, row, note ? { note } : {});
    })
    .immediate();
}
