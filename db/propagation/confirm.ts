import { and, eq, inArray } from "drizzle-orm";
import { ConflictError, NotFoundError, RefusedError } from "@/lib/errors";
import { confirmNoteSchema } from "@/lib/propagation/confirmation";
import { unconfirmedDeliveryStates, type DeliveryState } from "@/lib/propagation/vocabulary";
import type { Db } from "../connection";
import { deliveries, propagationEvents, recipients } from "../schema";
import { appendAuditEntry } from "../staff/audit-chain";
import { truncatePendingWal } from "../ops/wal";
import { scrubSettledErasures } from "./scrub";

/**
 * Acknowledgements (issue 14, deliverable 7): a recipient confirms a delivery it acted on, or an officer marks
 * deliveries confirmed with a note. Either may settle an erasure, so each ends by scrubbing what the settled
 * erasures of the people concerned still hold (db/propagation/scrub.ts), after its own transaction commits.
 */

export type RecipientConfirmation = {
  deliveryId: string;
  confirmedAt: Date;
  /** True when the delivery was confirmed before: nothing changed, and the original time is returned. */
  replay: boolean;
};

type Row = { id: number; uid: string; recipientId: number; subjectId: number; state: DeliveryState; confirmedAt: Date | null };
const row = {
  id: deliveries.id,
  uid: deliveries.uid,
  recipientId: deliveries.recipientId,
  subjectId: deliveries.subjectId,
  state: deliveries.state,
  confirmedAt: deliveries.confirmedAt,
};
const confirmable = (state: DeliveryState) => (unconfirmedDeliveryStates as readonly DeliveryState[]).includes(state);

/**
 * The scrub after a confirmation committed: it may empty the WAL, which cannot run inside a transaction, so the
 * server runs it on the request thread after the writer thread stored the confirmation (db/propagation/index.ts).
 */
export function scrubFor(db: Db, subjectIds: Iterable<number>, now: Date): void {
  // Most people confirmed about were never erased: a read (propagation_events_subject_idx) spares them the scrub's
  // write lock, which on the request thread would wait for the writer; a WAL left pending is still tried.
  const erased = db.$client
    .prepare("SELECT 1 FROM propagation_events WHERE subject_id = ? AND type = 'subject.erased' AND data IS NOT NULL LIMIT 1")
    .pluck();
  for (const subjectId of new Set(subjectIds))
    if (erased.get(subjectId)) scrubSettledErasures(db, now, { subjectId });
    else truncatePendingWal(db.$client);
}

/** A confirmation as stored (its own transaction), and the people whose settled erasures the scrub then looks at. */
export type StoredConfirmation<R> = { result: R; subjects: number[] };

/**
 * A recipient confirms one of its own deliveries by the id it received. Any other delivery (another
 * recipient's included) is "not found", so nothing tells a recipient which ids exist. Queued, delivered or
 * parked becomes confirmed; confirming again answers the first confirmation; a superseded delivery is a
 * conflict (the later one that replaced it is the one to confirm).
 */
export function confirmByRecipient(db: Db, target: { recipientId: number; deliveryUid: string }, now = new Date()): RecipientConfirmation {
  const { result, subjects } = storeRecipientConfirmation(db, target, now);
  scrubFor(db, subjects, now);
  return result;
}

/** confirmByRecipient's transaction, without the scrub that follows it. */
export function storeRecipientConfirmation(
  db: Db,
  target: { recipientId: number; deliveryUid: string },
  now = new Date(),
): StoredConfirmation<RecipientConfirmation> {
  return db.$client
    .transaction(() => {
      const found = db
        .select({ ...row, recipientName: recipients.name })
        .from(deliveries)
        .innerJoin(recipients, eq(recipients.id, deliveries.recipientId))
        .where(and(eq(deliveries.uid, target.deliveryUid), eq(deliveries.recipientId, target.recipientId)))
        .get();
      if (!found) throw new NotFoundError("delivery");
      if (found.state === "confirmed")
        return { result: { deliveryId: found.uid, confirmedAt: found.confirmedAt ?? now, replay: true }, subjects: [] };
      if (found.state === "superseded") throw new ConflictError("superseded");
      db.update(deliveries)
        .set({ state: "confirmed", confirmedAt: now, confirmedVia: "recipient" })
        .where(eq(deliveries.id, found.id))
        .run();
      appendAuditEntry(db, {
        actorId: null,
        actorLabel: `recipient ${found.recipientName}`,
        action: "delivery.confirm",
        targetType: "delivery",
        targetId: found.uid,
        at: now,
        details: { recipientId: found.recipientId, via: "recipient", from: found.state },
      });
      return { result: { deliveryId: found.uid, confirmedAt: now, replay: false }, subjects: [found.subjectId] };
    })
    .immediate();
}

/** Which deliveries an officer confirms: named ones, or every one of a request's for one recipient. */
export type OfficerTarget = { deliveryIds: number[] } | { requestId: number; recipientId: number };

export type OfficerConfirmationResult = { confirmed: number; alreadyConfirmed: number; confirmedAt: Date };

function officerRows(db: Db, target: OfficerTarget): Row[] {
  if ("deliveryIds" in target) {
    const ids = [...new Set(target.deliveryIds)];
    const rows = ids.length ? db.select(row).from(deliveries).where(inArray(deliveries.id, ids)).all() : [];
    if (rows.length === 0 || rows.length !== ids.length) throw new NotFoundError("delivery");
    // Named one by one, a superseded delivery is a mistake to point out, not something to skip.
    if (rows.some((r) => r.state === "superseded")) throw new ConflictError("superseded");
    return rows;
  }
  const rows = db
    .select(row)
    .from(deliveries)
    .innerJoin(propagationEvents, eq(propagationEvents.id, deliveries.eventId))
    .where(and(eq(propagationEvents.requestId, target.requestId), eq(deliveries.recipientId, target.recipientId)))
    .all();
  if (rows.length === 0) throw new NotFoundError("delivery");
  // A superseded delivery counts as carried by the later one that replaced it (lib/propagation/vocabulary.ts).
  const live = rows.filter((r) => r.state !== "superseded");
  if (live.length === 0) throw new ConflictError("superseded");
  return live;
}

/**
 * An officer marks deliveries confirmed, with a note (required, 1–1,000 characters) saying how the recipient
 * confirmed. Already confirmed ones are left as they were (a second click changes nothing); the change is
 * one audit entry per recipient, naming the deliveries. The note stays on the deliveries, not in the audit
 * log, which outlives an erasure and must not keep what an officer wrote about a person.
 */
export function confirmByOfficer(
  db: Db,
  target: OfficerTarget,
  actor: { id: number; email: string },
  note: string,
  now = new Date(),
): OfficerConfirmationResult {
  const { result, subjects } = storeOfficerConfirmation(db, target, actor, note, now);
  scrubFor(db, subjects, now);
  return result;
}

/** confirmByOfficer's check and transaction, without the scrub that follows it. */
export function storeOfficerConfirmation(
  db: Db,
  target: OfficerTarget,
  actor: { id: number; email: string },
  note: string,
  now = new Date(),
): StoredConfirmation<OfficerConfirmationResult> {
  const parsed = confirmNoteSchema.safeParse(note);
  if (!parsed.success) throw new RefusedError(parsed.error.issues[0]?.message ?? "required", "note");
  return db.$client
    .transaction(() => {
      const rows = officerRows(db, target);
      const open = rows.filter((r) => confirmable(r.state));
      if (open.length > 0)
        db.update(deliveries)
          .set({ state: "confirmed", confirmedAt: now, confirmedVia: "officer", confirmedById: actor.id, confirmNote: parsed.data })
          .where(
            inArray(
              deliveries.id,
              open.map((r) => r.id),
            ),
          )
          .run();
      const byRecipient = new Map<number, Row[]>();
      for (const r of open) byRecipient.set(r.recipientId, [...(byRecipient.get(r.recipientId) ?? []), r]);
      for (const [recipientId, confirmed] of byRecipient)
        appendAuditEntry(db, {
          actorId: actor.id,
          actorLabel: actor.email,
          action: "delivery.confirm",
          targetType: "recipient",
          targetId: recipientId,
          at: now,
          details: {
            via: "officer",
            deliveries: confirmed.map((r) => r.uid),
            ...("requestId" in target ? { requestId: target.requestId } : {}),
          },
        });
      return {
        result: { confirmed: open.length, alreadyConfirmed: rows.length - open.length, confirmedAt: now },
        subjects: open.map((r) => r.subjectId),
      };
    })
    .immediate();
}
