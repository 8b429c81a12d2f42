import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { extendedDueDate, localDay } from "@/lib/requests/deadlines";
import { verificationSettings } from "@/lib/requests/verification";
import { subjectMessage, type SubjectMessageKind } from "@/lib/requests/subject-messages";
import { templateLocale } from "@/lib/messages/templates/render";
import { currentTemplate } from "../messages/templates";
import { storedSystemReason } from "@/lib/requests/system-reasons";
import { systemNote } from "@/lib/requests/system-notes";
import { unlinkedContact } from "@/lib/requests/unlinked-contact";
import { decideRequest, type RequestAction } from "@/lib/requests/workflow";
import type { DenialReason, RequestEventKind } from "@/lib/requests/vocabulary";
import { denialText } from "@/lib/requests/outcome-text";
import { outcomeProblem } from "@/lib/requests/outcome";
import { db } from "../client";
import { appendAuditEntry } from "../staff/audit-chain";
import { ConflictError, NotFoundError } from "@/lib/errors";
import {
  brandSettings,
  outbox,
  requestEvents,
  staffUsers,
  subjectRequests,
  subjects,
  verificationCodes,
  type SubjectRequest,
} from "../schema";
import type { Actor } from "../staff/staff";
import { DAY_MS } from "@/lib/time";

/** Who acted: a staff member, or Candor itself (auto-close, a subject's download). */
export type RequestActor = Actor | { id: null; email: string };
export const SYSTEM_ACTOR: RequestActor = { id: null, email: "system" };
const CODE_TTL_MS = 10 * 60_000;
const CODE_ATTEMPTS = 5;

/** The brand's request policy: clocks, the unverified auto-close period and the identity check per type. */
export function requestPolicy() {
  const b = db.select().from(brandSettings).where(eq(brandSettings.id, 1)).get();
  return {
    name: b?.name ?? "Candor",
    /** Where people write to the brand about their data: its DPO, else its general contact. */
    contact: b?.dpoEmail || b?.contactEmail || "",
    timeZone: b?.timeZone ?? "UTC",
    appiTargetDays: b?.appiTargetDays ?? 14,
    unverifiedCloseDays: b?.unverifiedCloseDays ?? 21,
    verification: verificationSettings(b?.requestVerification),
  };
}
const brand = requestPolicy;

export function loadRequest(id: number): SubjectRequest {
  const r = db.select().from(subjectRequests).where(eq(subjectRequests.id, id)).get();
  if (!r) throw new NotFoundError("request");
  return r;
}

/** One timeline row and its audit entry; callers run it inside their transaction. */
export function logRequestEvent(
  r: SubjectRequest,
  actor: RequestActor,
  e: {
    kind: RequestEventKind;
    action: string;
    from?: string;
    to?: string;
    note?: string | null;
    details?: Record<string, unknown>;
  },
) {
  const at = new Date();
  db.insert(requestEvents)
    .values({
      requestId: r.id,
      at,
      actorId: actor.id,
      kind: e.kind,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      note: e.note ?? null,
    })
    .run();
  appendAuditEntry(db, {
    actorId: actor.id,
    actorLabel: actor.email,
    action: e.action,
    targetType: "request",
    targetId: r.ref,
    at,
    details: { ...(e.from ? { from: e.from, to: e.to } : {}), ...e.details },
  });
}

/** Queues a message to the request's subject in their language; false when there is no address to write to. */
export function notifySubject(
  r: SubjectRequest,
  kind: SubjectMessageKind,
  vars: { code?: string; reason?: string; due?: string; link?: string; what?: string; received?: string },
): boolean {
  const s = r.subjectId ? db.select().from(subjects).where(eq(subjects.id, r.subjectId)).get() : undefined;
  const to = s?.email ?? contactEmailOf(r);
  if (!to) return false;
  const b = brand();
  const locale = templateLocale(s?.locale);
  // The brand's current wording (issue 17); a refusal names the complaint route of the request's law.
  const m = subjectMessage(
    kind,
    locale,
    { ref: r.ref, brand: b.name, contact: b.contact, jurisdiction: r.jurisdiction, ...vars },
    currentTemplate(db, kind, locale),
  );
  db.insert(outbox)
    .values({
      subjectId: s?.id ?? null,
      requestId: r.id,
      toAddress: to,
      kind,
      locale: m.locale,
      subjectLine: m.subjectLine,
      body: m.body,
      status: "pending",
    })
    .run();
  return true;
}

/** An unlinked request keeps the contact address staff took down in its details. */
export function contactEmailOf(r: SubjectRequest): string | null {
  return unlinkedContact(r.details)?.email ?? null;
}

/** Checks the rule, moves the status, and logs it, all in one transaction. */
function transition(
  id: number,
  actor: RequestActor,
  action: RequestAction,
  opts: {
    reason?: string;
    /** The timeline note when it is not the reason (a denial's note, or none). */
    note?: string | null;
    set?: Partial<SubjectRequest>;
    auditAction?: string;
    details?: Record<string, unknown>;
    after?: (r: SubjectRequest) => void;
  },
) {
  return db.$client
    .transaction(() => {
      const r = loadRequest(id);
      const decision = decideRequest(
        {
          status: r.status,
          verifiedAt: r.verifiedAt,
          extendedAt: r.extendedAt,
          dueAt: r.dueAt,
          needsVerification: r.verification !== "none",
        },
        action,
        { now: new Date(), reason: opts.reason },
      );
      if (!decision.ok) throw new ConflictError(decision.reason);
      const updated = db
        .update(subjectRequests)
        .set({ status: decision.next, ...opts.set })
        .where(and(eq(subjectRequests.id, id), eq(subjectRequests.status, r.status)))
        .returning()
        .get();
      if (!updated) throw new ConflictError("wrong-status");
      logRequestEvent(updated, actor, {
        kind: "status",
        action: opts.auditAction ?? "request.status",
        from: r.status,
        to: decision.next,
        note: opts.note !== undefined ? opts.note : (opts.reason ?? null),
        details: { step: action, ...opts.details },
      });
      opts.after?.(updated);
      return updated;
    })
    .immediate();
}

export function codeHash(key: string, requestId: number, code: string) {
  return createHmac("sha256", key).update(`request-code:${requestId}:${code}`).digest("hex");
}

/** Sends the subject a one-time code (hashed, 10 minutes, 5 tries) and moves the request to "verifying". */
export function startVerification(
  id: number,
  actor: RequestActor,
  codeKey: string,
  code = String(randomInt(0, 1_000_000)).padStart(6, "0"),
) {
  return transition(id, actor, "start-verification", {
    after: (r) => {
      if (!r.subjectId && !contactEmailOf(r)) throw new ConflictError("no-contact");
      db.insert(verificationCodes)
        .values({
          purpose: "request",
          subjectId: r.subjectId,
          requestId: r.id,
          codeHash: codeHash(codeKey, r.id, code),
          maxAttempts: CODE_ATTEMPTS,
          expiresAt: new Date(Date.now() + CODE_TTL_MS),
        })
        .run();
      notifySubject(r, "request-code", { code });
      logRequestEvent(r, actor, {
        kind: "message",
        action: "request.message",
        note: systemNote("verification-code-sent"),
        details: { kind: "request-code" },
      });
    },
  });
}

/** Whether a code the subject gave matches the newest live code; every try counts, a used, expired or locked code never matches. */
export function checkRequestCode(id: number, code: string, codeKey: string): "ok" | "wrong" | "expired" | "locked" | "none" {
  return db.$client
    .transaction(() => {
      const row = db
        .select()
        .from(verificationCodes)
        .where(and(eq(verificationCodes.requestId, id), eq(verificationCodes.purpose, "request")))
        .orderBy(verificationCodes.id)
        .all()
        .at(-1);
      if (!row || row.consumedAt) return "none";
      if (row.expiresAt.getTime() <= Date.now()) return "expired";
      if (row.attempts >= row.maxAttempts) return "locked";
      db.update(verificationCodes)
        .set({ attempts: row.attempts + 1 })
        .where(eq(verificationCodes.id, row.id))
        .run();
      const a = Buffer.from(codeHash(codeKey, id, code), "hex");
      if (!timingSafeEqual(a, Buffer.from(row.codeHash, "hex"))) return "wrong";
      db.update(verificationCodes).set({ consumedAt: new Date() }).where(eq(verificationCodes.id, row.id)).run();
      return "ok";
    })
    .immediate();
}

/** Identity confirmed (by code, or by staff through another means, described in the note): the request is now in progress. */
export function markVerified(id: number, note: string, actor: RequestActor) {
  return transition(id, actor, "verify", { reason: note, set: { verifiedAt: new Date() } });
}

export function assignRequest(id: number, assigneeId: number, actor: Actor) {
  return db.$client
    .transaction(() => {
      const r = loadRequest(id);
      const staff = db
        .select()
        .from(staffUsers)
        .where(and(eq(staffUsers.id, assigneeId), eq(staffUsers.active, true), eq(staffUsers.role, "privacy_officer")))
        .get();
      if (!staff) throw new ConflictError("assignee-invalid");
      db.update(subjectRequests).set({ assigneeId }).where(eq(subjectRequests.id, id)).run();
      logRequestEvent(r, actor, {
        kind: "assignment",
        action: "request.assign",
        note: staff.name,
        details: { assigneeId, assignee: staff.email },
      });
    })
    .immediate();
}

export function addRequestNote(id: number, note: string, actor: Actor) {
  db.$client.transaction(() => logRequestEvent(loadRequest(id), actor, { kind: "note", action: "request.note", note })).immediate();
}

/** The one extension a regime allows, before the deadline, with a reason the subject is told. */
export function extendRequest(id: number, reason: string, actor: Actor) {
  const b = brand();
  return db.$client
    .transaction(() => {
      const r = loadRequest(id);
      const extendedDue = extendedDueDate({
        jurisdiction: r.jurisdiction,
        type: r.type,
        receivedAt: r.receivedAt,
        timeZone: b.timeZone,
        appiTargetDays: b.appiTargetDays,
      });
      const decision = decideRequest(
        {
          status: r.status,
          verifiedAt: r.verifiedAt,
          extendedAt: r.extendedAt,
          dueAt: r.dueAt,
          needsVerification: r.verification !== "none",
        },
        "extend",
        { now: new Date(), reason, extendedDue },
      );
      if (!decision.ok) throw new ConflictError(decision.reason);
      const updated = db
        .update(subjectRequests)
        .set({ dueAt: extendedDue!, extendedAt: new Date(), extensionReason: reason.trim() })
        .where(eq(subjectRequests.id, id))
        .returning()
        .get();
      logRequestEvent(updated, actor, {
        kind: "extension",
        action: "request.extend",
        note: reason.trim(),
        details: { from: r.dueAt.toISOString(), to: extendedDue!.toISOString() },
      });
      notifySubject(updated, "request-extended", { reason: reason.trim(), due: localDay(extendedDue!, b.timeZone) });
      return updated;
    })
    .immediate();
}

/**
 * Denial with a reason code (lib/requests/outcome.ts), which the subject is sent in their language with the note and
 * their right to complain (GDPR Art. 12(4)). `told` is what the person is told when Candor writes it itself (a
 * system reason); otherwise the officer's note is, and both stay on the request for its status page.
 */
export function denyRequest(
  id: number,
  denial: { denialReason: DenialReason; note: string | null; told?: string },
  actor: RequestActor,
  auditAction = "request.status",
) {
  const note = denial.note?.trim() || null;
  const problem = outcomeProblem({ outcome: "denied", denialReason: denial.denialReason, note });
  if (problem) throw new ConflictError(problem);
  const told = denial.told ?? note;
  return transition(id, actor, "reject", {
    reason: denial.denialReason,
    note: told,
    auditAction,
    details: { outcome: "denied", denialReason: denial.denialReason },
    set: { rejectionReason: told, closedAt: new Date(), outcome: "denied", denialReason: denial.denialReason, outcomeNote: note },
    after: (r) => void notifySubject(r, "request-rejected", { reason: denialText(r, subjectLocaleOf(r)) ?? denial.denialReason }),
  });
}

/** The language the request's person is written to in (their record's, English for an unlinked request). */
export function subjectLocaleOf(r: SubjectRequest): string {
  const s = r.subjectId ? db.select({ l: subjects.locale }).from(subjects).where(eq(subjects.id, r.subjectId)).get() : undefined;
  return templateLocale(s?.l);
}

/**
 * Rejects requests left unverified longer than the brand allows, so a stale identity is never acted on; returns how many.
 * The reason is stored as its code, so the person is told it in their language (lib/requests/system-reasons.ts).
 */
export function closeAbandonedRequests(now = new Date()): number {
  const reason = storedSystemReason("identity-not-verified");
  const cutoff = new Date(now.getTime() - brand().unverifiedCloseDays * DAY_MS);
  const stale = db
    .select({ id: subjectRequests.id })
    .from(subjectRequests)
    .where(and(eq(subjectRequests.status, "verifying"), lt(subjectRequests.receivedAt, cutoff)))
    .all();
  for (const { id } of stale) denyRequest(id, { denialReason: "not_verifiable", note: null, told: reason }, SYSTEM_ACTOR);
  return stale.length;
}
