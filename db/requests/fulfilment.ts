import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { completionEffect, purposesToStop, stopEvent } from "@/lib/requests/fulfilment";
import { completionSummary } from "@/lib/requests/subject-messages";
import { decideRequest } from "@/lib/requests/workflow";
import { systemNote } from "@/lib/requests/system-notes";
import { db } from "../client";
import { ConflictError } from "@/lib/errors";
import { ConsentLedger } from "../consent/ledger/record";
import { agentHasProof } from "@/lib/requests/agent";
import { outcomeProblem, type ClosingOutcome } from "@/lib/requests/outcome";
import { withheldSentence } from "@/lib/requests/outcome-text";
import { consentState, requestAgents, subjectRequests, subjects, verificationCodes, type SubjectRequest } from "../schema";
import { erasureRecipient, queueErasureConfirmation } from "./erasure-confirmation";
import { eraseSubject } from "../subjects/erasure";
import { recordSubjectEvent } from "../propagation/record";
import { completeSensitiveLimit } from "./limit";
import { buildSubjectExport } from "../subjects/export";
import type { SubjectExport } from "@/lib/requests/export-formats";
import { getBrandSettings } from "../staff/brand";
import { loadRequest, logRequestEvent, notifySubject, type RequestActor } from "./workflow";
import type { Actor } from "../staff/staff";
import { DAY_MS } from "@/lib/time";
import { activePurposes } from "../purposes/active";

const EXPORT_TTL_MS = 7 * DAY_MS;
// A leaked link should not serve the file without end; 20 downloads is plenty for the subject.
const EXPORT_MAX_DOWNLOADS = 20;

const COMPLIED: ClosingOutcome = { outcome: "complied", denialReason: null, note: null };

export const hashExportToken = (token: string) => createHash("sha256").update(`export:${token}`).digest("hex");

function assertCompletable(r: SubjectRequest) {
  // §7063: an agent who showed no signed permission or power of attorney cannot be complied with.
  const agent = db.select().from(requestAgents).where(eq(requestAgents.requestId, r.id)).get();
  if (!agentHasProof(agent)) throw new ConflictError("agent-proof-missing");
  const d = decideRequest(
    {
      status: r.status,
      verifiedAt: r.verifiedAt,
      extendedAt: r.extendedAt,
      dueAt: r.dueAt,
      needsVerification: r.verification !== "none",
    },
    "complete",
    { now: new Date() },
  );
  if (!d.ok) throw new ConflictError(d.reason);
  if (completionEffect(r.type) !== "record" && !r.subjectId) throw new ConflictError("no-subject");
}

/** Marks the request completed with its outcome (status event + audit); runs inside the caller's transaction. */
function markCompleted(r: SubjectRequest, actor: Actor, note: string, details: Record<string, unknown>, outcome: ClosingOutcome) {
  const updated = db
    .update(subjectRequests)
    .set({
      status: "completed",
      closedAt: new Date(),
      outcome: outcome.outcome,
      denialReason: outcome.denialReason,
      outcomeNote: outcome.note,
    })
    .where(and(eq(subjectRequests.id, r.id), eq(subjectRequests.status, "in_progress")))
    .returning()
    .get();
  if (!updated) throw new ConflictError("wrong-status");
  logRequestEvent(updated, actor, {
    kind: "status",
    action: "request.status",
    from: r.status,
    to: "completed",
    note,
    details: { step: "complete", outcome: outcome.outcome, denialReason: outcome.denialReason, ...details },
  });
  return updated;
}

export type CompletionResult = {
  effect: ReturnType<typeof completionEffect>;
  link?: string;
  stopped?: number;
  erased?: Record<string, number>;
};

/**
 * Where links point, and how a link is kept in a queued message: `seal` turns the export link into the
 * sealed-link marker (lib/outbox/sealed-links.ts) the mailer opens on the way out, so the outbox, its
 * viewer and a backup never hold a working download of the person's data.
 */
export type CompletionLinks = { baseUrl: string; seal: (link: string) => string };

/**
 * Carries the request out for real (SPEC §4): access and portability send a
 * 7-day export link; deletion erases the subject; restriction, objection and
 * opt-out write the ledger events that stop the purposes; the rest are recorded.
 */
export function completeRequest(id: number, actor: Actor, links: CompletionLinks, outcome: ClosingOutcome = COMPLIED): CompletionResult {
  const problem = outcome.outcome === "denied" ? "outcome-invalid" : outcomeProblem(outcome);
  if (problem) throw new ConflictError(problem);
  const r = loadRequest(id);
  assertCompletable(r);
  const effect = completionEffect(r.type);
  if (effect === "erase") {
    // Who to tell, and in which language, is read before the erasure removes it.
    const recipient = erasureRecipient(db, r.subjectId, r.details);
    // Erasure runs its own transaction and checkpoints the WAL, so it cannot nest in ours.
    // It also queues subject.erased for the recipients holding the data, naming this request.
    const erased = eraseSubject(db, r.subjectId!, r.ref, { requestId: r.id });
    db.$client
      .transaction(() => {
        const done = markCompleted(
          loadRequest(id),
          actor,
          systemNote("data-erased"),
          { erased: erased.removed, tombstones: erased.tombstones, walEmptied: erased.wal.emptied },
          outcome,
        );
        // A reader on an older snapshot kept the WAL (and the erased pages' old images) from being emptied at once.
        if (!erased.wal.emptied || erased.wal.attempts > 1) {
          const seconds = (erased.wal.waitedMs / 1000).toFixed(1);
          const code = erased.wal.emptied ? "erasure-wal-waited" : "erasure-wal-pending";
          logRequestEvent(done, actor, { kind: "note", action: "request.note", note: systemNote(code, { seconds }) });
        }
        // Queued after the erasure deleted every message to the person; the address goes once this one is sent.
        if (recipient) {
          const b = getBrandSettings();
          queueErasureConfirmation(db, done, recipient, {
            name: b?.name ?? "Candor",
            contact: b?.dpoEmail || b?.contactEmail || "",
            timeZone: b?.timeZone ?? "UTC",
          });
          logRequestEvent(done, actor, {
            kind: "message",
            action: "request.message",
            note: systemNote("erasure-confirmation-queued"),
            details: { kind: "request-erased" },
          });
        } else
          logRequestEvent(done, actor, {
            kind: "note",
            action: "request.note",
            note: systemNote("erasure-confirmation-no-address"),
          });
      })
      .immediate();
    return { effect, erased: erased.removed };
  }
  return db.$client
    .transaction((): CompletionResult => {
      const fresh = loadRequest(id);
      assertCompletable(fresh);
      if (effect === "export") {
        const token = randomBytes(32).toString("base64url");
        db.insert(verificationCodes)
          .values({
            purpose: "export",
            subjectId: fresh.subjectId,
            requestId: fresh.id,
            codeHash: hashExportToken(token),
            maxAttempts: EXPORT_MAX_DOWNLOADS,
            expiresAt: new Date(Date.now() + EXPORT_TTL_MS),
          })
          .run();
        const link = `${links.baseUrl}/exports/${token}`;
        const done = markCompleted(
          fresh,
          actor,
          systemNote("export-link-sent-7-days"),
          { exportExpires: new Date(Date.now() + EXPORT_TTL_MS).toISOString() },
          outcome,
        );
        notifySubject(done, "request-export", { link: links.seal(link) });
        logRequestEvent(done, actor, {
          kind: "message",
          action: "request.message",
          note: systemNote("export-link-sent"),
          details: { kind: "request-export" },
        });
        return { effect, link };
      }
      let stopped = 0;
      if (effect === "stop") {
        stopped = fresh.type === "limit_sensitive" ? completeSensitiveLimit(fresh, actor) : stopPurposes(fresh);
        tellRecipients(fresh);
      }
      const done = markCompleted(
        fresh,
        actor,
        effect === "stop" ? systemNote("purposes-stopped", { count: stopped }) : systemNote("recorded-as-done"),
        { stopped },
        outcome,
      );
      const locale = fresh.subjectId
        ? (db.select({ l: subjects.locale }).from(subjects).where(eq(subjects.id, fresh.subjectId)).get()?.l ?? "en")
        : "en";
      // A part withheld reaches the person with its reason in the message's one free slot.
      const what = [completionSummary(done.type, locale), withheldSentence(done, locale)].filter(Boolean).join(" ");
      notifySubject(done, "request-completed", { what });
      return { effect, stopped };
    })
    .immediate();
}

/** Writes a withdrawal or refusal for every purpose the request stops that is not refused already. */
function stopPurposes(r: SubjectRequest): number {
  const s = db.select().from(subjects).where(eq(subjects.id, r.subjectId!)).get()!;
  const active = activePurposes(db).all();
  const states = new Map(
    db
      .select()
      .from(consentState)
      .where(eq(consentState.subjectId, s.id))
      .all()
      .map((c) => [c.purposeId, c.state]),
  );
  const keys = new Set(purposesToStop(r.type, active));
  const inputs = active
    .filter((p) => keys.has(p.key))
    .map((p) => ({ p, event: stopEvent(states.get(p.id)) }))
    .filter((x): x is { p: (typeof active)[number]; event: "withdrawn" | "denied" } => x.event !== null)
    .map(({ p, event }) => ({
      subject: { id: s.uid },
      purpose: p.key,
      event,
      idempotencyKey: `${r.ref}:${p.key}`,
    }));
  if (!inputs.length) return 0;
  // The completion tells the recipients itself (tellRecipients): the ledger queues only its consent changes.
  const { results } = new ConsentLedger(db).record(inputs, { gpc: false, source: "system", toldByRequest: true });
  return results.filter((x) => x.status === "stored").length;
}

/**
 * Tells the recipients holding the person's data what the request asks of them (issue 14), in the
 * completion's transaction, after the ledger events that stop the purposes (each of which may queue its own
 * consent.changed): a restriction reaches every holder (GDPR Art. 18, 19), an objection the recipients of
 * the purposes objected to (Art. 21), an opt-out of sale/sharing the third parties (CCPA §7026(f)).
 */
function tellRecipients(r: SubjectRequest): void {
  const now = Date.now();
  const base = { subjectId: r.subjectId!, requestId: r.id, occurredAt: now };
  if (r.type === "restriction") recordSubjectEvent(db, { ...base, type: "subject.restricted", data: {} }, now);
  else if (r.type === "opt_out_sale")
    recordSubjectEvent(db, { ...base, type: "subject.opted_out", data: { optOut: ["sale", "sharing"], gpc: false } }, now);
  else if (r.type === "objection") {
    const objected = purposesToStop(r.type, activePurposes(db).all());
    if (objected.length > 0)
      recordSubjectEvent(db, { ...base, type: "subject.objected", data: { purposes: objected }, purposes: objected }, now);
  }
}

export type ExportLookup = { status: "ok"; data: SubjectExport; request: SubjectRequest } | { status: "unknown" | "expired" };

/**
 * Resolves a download link and counts the download; every download is
 * audited and logged on the request. Unknown and expired links tell nothing.
 */
export function openExport(token: string, format: string, now = new Date()): ExportLookup {
  return db.$client
    .transaction((): ExportLookup => {
      const row = db
        .select()
        .from(verificationCodes)
        .where(and(eq(verificationCodes.codeHash, hashExportToken(token)), eq(verificationCodes.purpose, "export")))
        .get();
      if (!row || !row.requestId) return { status: "unknown" };
      if (row.expiresAt <= now || row.attempts >= row.maxAttempts || !row.subjectId) return { status: "expired" };
      const request = loadRequest(row.requestId);
      const data = buildSubjectExport(db, row.subjectId, { ref: request.ref, type: request.type }, now);
      if (!data) return { status: "expired" };
      db.update(verificationCodes)
        .set({ attempts: sql`${verificationCodes.attempts} + 1` })
        .where(eq(verificationCodes.id, row.id))
        .run();
      const subjectActor: RequestActor = { id: null, email: "subject (export link)" };
      logRequestEvent(request, subjectActor, {
        kind: "export",
        action: "request.export",
        note: systemNote("downloaded", { format }),
        details: { format, download: row.attempts + 1 },
      });
      return { status: "ok", data, request };
    })
    .immediate();
}
