import "server-only";
import { and, eq } from "drizzle-orm";
import { limitPlan, limitedPurposes } from "@/lib/requests/limit";
import { stopEvent } from "@/lib/requests/fulfilment";
import { systemNote } from "@/lib/requests/system-notes";
import { db } from "../client";
import { ConsentLedger } from "../consent/ledger/record";
import { recordSubjectEvent } from "../propagation/record";
import { consentState, sensitiveLimits, subjectRequests, subjects, type SubjectRequest } from "../schema";
import { logRequestEvent, type RequestActor } from "./workflow";
import { activePurposes } from "../purposes/active";

/**
 * What applying a limit did: the purposes it stopped (keys), how many ledger events it wrote, how many recipients
 * it told, and the request as it now stands (in progress: the stop is done, the officer closes it).
 */
export type LimitApplied = { stopped: string[]; ledgerEvents: number; recipientsTold: number; request: SubjectRequest };

/**
 * Carries out a limit request for its person (CCPA §7027), inside the caller's transaction: the person's limit is
 * stored (it stops every flagged purpose, whatever its basis, now and for purposes flagged later); the flagged
 * consent and legitimate-interest purposes get a withdrawal or refusal in the ledger with the request as their
 * source (source "system", idempotency key "<ref>:<purpose>", the keys completing the request would use, so
 * nothing is written twice); the recipients of the stopped purposes that hold the person's data are sent
 * subject.limited; the timeline says what was stopped. Runs once per request: at intake when the request names
 * its person, else when the officer completes it. Null when there is no person yet or this request applied it.
 */
export function applySensitiveLimit(r: SubjectRequest, actor: RequestActor, now = new Date()): LimitApplied | null {
  if (r.type !== "limit_sensitive" || !r.subjectId) return null;
  const person = db.select().from(subjects).where(eq(subjects.id, r.subjectId)).get();
  if (!person) return null;
  const standing = db.select().from(sensitiveLimits).where(eq(sensitiveLimits.subjectId, person.id)).get();
  if (standing?.requestId === r.id) return null;
  if (standing) db.update(sensitiveLimits).set({ requestId: r.id }).where(eq(sensitiveLimits.subjectId, person.id)).run();
  else db.insert(sensitiveLimits).values({ subjectId: person.id, requestId: r.id, limitedAt: now }).run();

  const active = activePurposes(db).all();
  const plan = limitPlan(active);
  const states = new Map(
    db
      .select()
      .from(consentState)
      .where(eq(consentState.subjectId, person.id))
      .all()
      .map((c) => [c.purposeId, c.state]),
  );
  const inputs = plan.inLedger.flatMap((p) => {
    const event = stopEvent(states.get(p.id));
    return event ? [{ subject: { id: person.uid }, purpose: p.key, event, idempotencyKey: `${r.ref}:${p.key}` }] : [];
  });
  // The limit tells the recipients itself (subject.limited below): the ledger queues only its consent changes.
  const ledgerEvents = inputs.length
    ? new ConsentLedger(db)
        .record(inputs, { gpc: false, source: "system", toldByRequest: true, now: now.getTime() })
        .results.filter((x) => x.status === "stored").length
    : 0;

  const stopped = limitedPurposes(active);
  const keys = stopped.map((p) => p.key);
  const told = keys.length
    ? recordSubjectEvent(
        db,
        { subjectId: person.id, type: "subject.limited", data: {}, requestId: r.id, purposes: keys, occurredAt: now.getTime() },
        now.getTime(),
      ).reduce((n, e) => n + e.deliveries, 0)
    : 0;
  // A limit needs no identity check (§7027(e)): once applied at intake the request is under way, for the officer to close.
  const moved =
    r.status === "received"
      ? db
          .update(subjectRequests)
          .set({ status: "in_progress" })
          .where(and(eq(subjectRequests.id, r.id), eq(subjectRequests.status, "received")))
          .returning()
          .get()
      : undefined;
  const request = moved ?? r;
  logRequestEvent(request, actor, {
    ...(moved ? { kind: "status", from: "received", to: "in_progress" } : { kind: "note" }),
    action: "request.limit",
    note: keys.length ? systemNote("sensitive-limited", { count: keys.length }) : systemNote("sensitive-limited-none"),
    details: {
      stopped: keys,
      inLedger: plan.inLedger.map((p) => p.key),
      byLimit: plan.byLimit.map((p) => p.key),
      ledgerEvents,
      recipientsTold: told,
      ...(standing ? { limitStoodSince: standing.limitedAt.toISOString() } : {}),
    },
  });
  return { stopped: keys, ledgerEvents, recipientsTold: told, request };
}

/**
 * Completing a limit request: applies it if intake could not (the request was not yet linked to its person) and
 * gives the number of purposes the limit stops for them, for the completion's timeline note.
 */
export function completeSensitiveLimit(r: SubjectRequest, actor: RequestActor): number {
  const applied = applySensitiveLimit(r, actor);
  if (applied) return applied.stopped.length;
  return limitedPurposes(activePurposes(db).all()).length;
}
