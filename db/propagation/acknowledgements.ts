import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../connection";
import { deliveries, propagationEvents, recipients, staffUsers, subjectRequests } from "../schema";
import { groupByRecipient, type RecipientAcknowledgement, type ToldDelivery, type ToldRecipient } from "@/lib/propagation/acknowledgements";
import { acknowledgement, unconfirmedDeliveryStates } from "@/lib/propagation/vocabulary";
import type { SubjectExport } from "@/lib/requests/export-formats";

// Reads of how far a change got with the recipients it reached (issue 14, deliverable 7). They take a
// connection, so the person's export (db/subjects/export.ts) reads them inside fulfilment's transaction.

const confirmer = alias(staffUsers, "confirmer");

const deliveryColumns = {
  id: deliveries.id,
  uid: deliveries.uid,
  eventType: propagationEvents.type,
  state: deliveries.state,
  queuedAt: deliveries.createdAt,
  deliveredAt: deliveries.deliveredAt,
  deliveredVia: deliveries.deliveredVia,
  confirmedAt: deliveries.confirmedAt,
  confirmedVia: deliveries.confirmedVia,
  confirmedByName: confirmer.name,
  confirmNote: deliveries.confirmNote,
  // Identifiers are null either because the recipient held none, or because the erasure's scrub took them.
  noIdentifier: sql<number>`(${deliveries.identifiers} IS NULL AND ${deliveries.scrubbedAt} IS NULL)`,
};

const recipientColumns = { id: recipients.id, name: recipients.name, role: recipients.role, country: recipients.country };

type Row = Omit<ToldDelivery, "noIdentifier"> & { noIdentifier: number | boolean };
const told = (d: Row): ToldDelivery => ({ ...d, noIdentifier: Boolean(d.noIdentifier) });

/**
 * The events a request made: the ones naming it (its subject event), and the consent.changed that the
 * ledger entries of its completion queued (a restriction, objection or opt-out withdraws grants; the ledger
 * writes those entries with the idempotency key "<ref>:<purpose>", at the time the change event carries).
 */
function requestEventIds(db: Db, requestId: number): number[] {
  const client = db.$client;
  const named = client.prepare("SELECT id FROM propagation_events WHERE request_id = ?").pluck().all(requestId) as number[];
  const byCompletion = client
    .prepare(
      `SELECT pe.id FROM subject_requests r
       JOIN consent_events ce ON ce.subject_id = r.subject_id
       JOIN purposes p ON p.id = ce.purpose_id AND ce.idempotency_key = r.ref || ':' || p.key
       JOIN propagation_events pe ON pe.subject_id = ce.subject_id AND pe.purpose_id = ce.purpose_id AND pe.occurred_at = ce.occurred_at
       WHERE r.id = ? AND pe.type = 'consent.changed'`,
    )
    .pluck()
    .all(requestId) as number[];
  return [...new Set([...named, ...byCompletion])];
}

/**
 * Every recipient told about a request's change, grouped, each with its acknowledgement and deliveries,
 * oldest first; recipients by name.
 */
export function listRequestAcknowledgements(db: Db, requestId: number): RecipientAcknowledgement[] {
  const events = requestEventIds(db, requestId);
  if (events.length === 0) return [];
  const rows = db
    .select({ recipient: recipientColumns, delivery: deliveryColumns })
    .from(deliveries)
    .innerJoin(propagationEvents, eq(propagationEvents.id, deliveries.eventId))
    .innerJoin(recipients, eq(recipients.id, deliveries.recipientId))
    .leftJoin(confirmer, eq(confirmer.id, deliveries.confirmedById))
    .where(inArray(deliveries.eventId, events))
    .orderBy(asc(recipients.name), asc(recipients.id), asc(deliveries.id))
    .all();
  return groupByRecipient(rows.map((r) => ({ recipient: r.recipient as ToldRecipient, delivery: told(r.delivery) })));
}

/**
 * A request's deliveries to one recipient that still wait on someone (queued, delivered, parked): what an
 * officer confirms from the request page, consent changes of its completion included.
 */
export function unconfirmedRequestDeliveries(db: Db, requestId: number, recipientId: number): number[] {
  const events = requestEventIds(db, requestId);
  if (events.length === 0) return [];
  return db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.eventId, events),
        eq(deliveries.recipientId, recipientId),
        inArray(deliveries.state, unconfirmedDeliveryStates),
      ),
    )
    .orderBy(asc(deliveries.id))
    .all()
    .map((d) => d.id);
}

/**
 * An open task: a delivery an officer must see through by hand. Either the recipient is reached by email (its
 * privacy contact was written to, or will be), or the recipient holds no identifier of the person, so no
 * path can name them. Closed when an officer marks it confirmed with a note.
 */
export type DeliveryTask = {
  reason: "email" | "no-identifier";
  delivery: ToldDelivery;
  recipient: ToldRecipient & { privacyContactEmail: string | null };
  request: { id: number; ref: string } | null;
};

/**
 * Whether a delivery is the email path's: it went by email, or it waits for a recipient the email path
 * writes to (an active email path and no active webhook, as db/propagation/email.ts decides), say while a
 * daily digest has not left yet or no SMTP server is set up. Deliveries a webhook or the feed carried are not.
 */
const emailOnly = sql`${deliveries.recipientId} IN (SELECT e.recipient_id FROM recipient_paths e WHERE e.kind = 'email' AND e.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM recipient_paths w WHERE w.recipient_id = e.recipient_id AND w.kind = 'webhook' AND w.status = 'active'))`;
const byEmail = or(eq(deliveries.deliveredVia, "email"), and(isNull(deliveries.deliveredVia), emailOnly))!;
const unnamed = and(isNull(deliveries.identifiers), isNull(deliveries.scrubbedAt));
const openTask = and(inArray(deliveries.state, unconfirmedDeliveryStates), or(byEmail, unnamed));

/** The open tasks, oldest first, a page at a time, each with the request it belongs to (none for a consent change). */
export function listDeliveryTasks(db: Db, page: { page: number; pageSize: number }): { rows: DeliveryTask[]; hasMore: boolean } {
  const rows = db
    .select({
      recipient: { ...recipientColumns, privacyContactEmail: recipients.privacyContactEmail },
      delivery: deliveryColumns,
      byEmail: sql<number>`(${byEmail})`,
      requestId: subjectRequests.id,
      requestRef: subjectRequests.ref,
    })
    .from(deliveries)
    .innerJoin(propagationEvents, eq(propagationEvents.id, deliveries.eventId))
    .innerJoin(recipients, eq(recipients.id, deliveries.recipientId))
    .leftJoin(confirmer, eq(confirmer.id, deliveries.confirmedById))
    .leftJoin(subjectRequests, eq(subjectRequests.id, propagationEvents.requestId))
    .where(openTask)
    .orderBy(asc(deliveries.createdAt), asc(deliveries.id))
    .limit(page.pageSize + 1)
    .offset((page.page - 1) * page.pageSize)
    .all();
  return {
    rows: rows.slice(0, page.pageSize).map((r) => ({
      reason: r.byEmail ? "email" : "no-identifier",
      recipient: r.recipient as DeliveryTask["recipient"],
      delivery: told(r.delivery),
      request: r.requestId !== null && r.requestRef !== null ? { id: r.requestId, ref: r.requestRef } : null,
    })),
    hasMore: rows.length > page.pageSize,
  };
}

/** How many tasks are open (the task list's heading). */
export function countDeliveryTasks(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(deliveries)
      .where(openTask)
      .get()?.n ?? 0
  );
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Every recipient told about a person, one row per event it was sent, oldest first. A superseded delivery
 * is left out: it was never sent, and the later one that overtook it is listed.
 */
export function listRecipientsToldAbout(db: Db, subjectId: number): SubjectExport["recipientsTold"] {
  return (
    db
      .select({ recipient: recipientColumns, delivery: deliveryColumns })
      .from(deliveries)
      .innerJoin(propagationEvents, eq(propagationEvents.id, deliveries.eventId))
      .innerJoin(recipients, eq(recipients.id, deliveries.recipientId))
      .leftJoin(confirmer, eq(confirmer.id, deliveries.confirmedById))
      // Through the person's events (propagation_events_subject_idx): deliveries has no index led by the person.
      .where(and(eq(propagationEvents.subjectId, subjectId), ne(deliveries.state, "superseded")))
      .orderBy(asc(deliveries.createdAt), asc(deliveries.id))
      .all()
      .map(({ recipient, delivery: d }) => ({
        recipient: recipient.name,
        role: recipient.role,
        country: recipient.country,
        event: d.eventType,
        queuedAt: d.queuedAt.toISOString(),
        deliveredAt: iso(d.deliveredAt),
        via: d.deliveredVia,
        acknowledgement: acknowledgement([d.state]),
        confirmedAt: iso(d.confirmedAt),
      }))
  );
}
