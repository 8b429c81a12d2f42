import { createHash } from "node:crypto";
import type { NewAuditEntry } from "@/db/staff/audit-chain";
import type { RequestRows } from "@/db/seed/rows";
import type { Random } from "@/lib/random";
import { regimeFor } from "@/lib/requests/deadlines";
import { reasonText } from "@/lib/requests/system-reasons";
import { defaultVerification } from "@/lib/requests/verification";
import { formatDue, renderMessage } from "./message-templates";
import type { Jurisdiction } from "./regions";
import { requestStatuses, requestTypes, type RequestIntake, type RequestStatus, type RequestType } from "@/lib/requests/vocabulary";
import { requestDetails, requestTypeLabels } from "./request-texts";
import { buildRequestTimeline, canExtend, type TimelineContext } from "./request-timeline";
import { demoAgent, demoOutcome } from "./request-outcomes";
import { systemNote } from "@/lib/requests/system-notes";
import type { DemoSubject } from "./subjects";
import { DAY_MS } from "@/lib/time";

const typeWeights: Record<Jurisdiction, readonly (readonly [RequestType, number])[]> = {
  EU: [
    ["access", 28],
    ["deletion", 26],
    ["rectification", 12],
    ["portability", 9],
    ["restriction", 6],
    ["objection", 14],
  ],
  "US-CA": [
    ["access", 22],
    ["deletion", 25],
    ["rectification", 8],
    ["portability", 6],
    ["restriction", 3],
    ["objection", 2],
    ["opt_out_sale", 34],
    ["limit_sensitive", 8],
  ],
  KR: [
    ["access", 30],
    ["deletion", 28],
    ["rectification", 14],
    ["portability", 6],
    ["restriction", 12],
    ["objection", 10],
  ],
  JP: [
    ["access", 32],
    ["deletion", 26],
    ["rectification", 14],
    ["portability", 4],
    ["restriction", 14],
    ["objection", 10],
  ],
};
const statusWeights = [
  ["received", 8],
  ["verifying", 10],
  ["in_progress", 17],
  ["completed", 55],
  ["rejected", 10],
] as const satisfies readonly (readonly [RequestStatus, number])[];
const intakeWeights = [
  ["preference_center", 45],
  ["email", 20],
  ["api", 15],
  ["phone", 10],
  ["letter", 10],
] as const satisfies readonly (readonly [RequestIntake, number])[];
const optOutIntakes = [
  ["preference_center", 60],
  ["api", 30],
  ["email", 10],
] as const satisfies readonly (readonly [RequestIntake, number])[];

/** The California rights acted on with no identity check: opt-out of sale/sharing (§7026) and limit (§7027(e)). */
const noCheck = (type: RequestType) => type === "opt_out_sale" || type === "limit_sensitive";

/** Roughly how many days each regime gives (SPEC §4), to place open requests inside or just past their clock. */
function periodDays(jurisdiction: string, type: RequestType): number {
  const regime = regimeFor(jurisdiction);
  if (regime === "gdpr") return 30;
  if (regime === "ccpa") return noCheck(type) ? 21 : 45;
  if (regime === "appi") return 14;
  return 10;
}

/** How long ago (in days) a request in each status was received: open ones mostly within their clock, about one in eight overdue. */
function ageFor(r: Random, status: RequestStatus, unverified: boolean, period: number): number {
  const overdue = r.bernoulli(0.12);
  switch (status) {
    case "received":
      return r.float(0.05, Math.min(3, period * 0.3));
    case "verifying":
      return overdue ? r.float(period + 1, period + 15) : r.float(0.1, period * 0.6);
    case "in_progress":
      return overdue ? r.float(period + 1, period + 20) : r.float(0.5, period * 0.9);
    case "completed":
      return r.float(3, 120);
    case "rejected":
      return unverified ? r.float(22, 120) : r.float(3, 120);
  }
}

/** Picks the subjects who will have made requests, before the ledger is generated (about two per request, to choose from). */
export function planRequestSubjects(r: Random, subjects: number, requests: number): number[] {
  return Array.from({ length: Math.max(1, requests * 2) }, () => r.int(1, subjects));
}

export type RequestOptions = { count: number; pool: readonly number[]; subjects: ReadonlyMap<number, DemoSubject>; ctx: TimelineContext };

/**
 * Subject requests of every type and status (the first 35 cover each pair),
 * with timelines, outbox messages and audit entries. A completed deletion has
 * no subject any more: only the request and a tombstone remain.
 */
export function generateRequests(
  r: Random,
  o: RequestOptions,
): { rows: RequestRows; audit: NewAuditEntry[]; subjectOf: Map<number, number> } {
  const pool = o.pool.map((id) => o.subjects.get(id)!).filter(Boolean);
  const californians = pool.filter((s) => s.jurisdiction === "US-CA");
  const drafts = Array.from({ length: o.count }, (_, i) => {
    const forced = i < requestTypes.length * requestStatuses.length;
    let type: RequestType;
    let subject: DemoSubject;
    let status: RequestStatus = forced ? requestStatuses[Math.floor(i / requestTypes.length)] : r.weighted(statusWeights);
    if (forced) {
      type = requestTypes[i % requestTypes.length];
      subject = r.pick(noCheck(type) && californians.length ? californians : pool);
      if (noCheck(type) && status === "verifying") status = "completed";
    } else {
      subject = r.pick(pool);
      type = r.weighted(typeWeights[subject.jurisdiction]);
      // Opt-outs are never verified (CCPA §7026), so none waits in "verifying".
      if (noCheck(type) && status === "verifying") status = "in_progress";
    }
    // A limit takes effect at intake for a known person (db/requests/limit.ts), so none waits as only "received".
    if (type === "limit_sensitive" && status === "received") status = "in_progress";
    const unverified = status === "rejected" && !noCheck(type) && r.bernoulli(0.6);
    let intake: RequestIntake = r.weighted(noCheck(type) ? optOutIntakes : intakeWeights);
    // A signed-in subject's session already verifies these types, so none of theirs waits for a code.
    if (status === "verifying" && intake === "preference_center" && defaultVerification[type] === "session") intake = "email";
    const receivedAt = Math.floor(o.ctx.t.anchor - ageFor(r, status, unverified, periodDays(subject.jurisdiction, type)) * DAY_MS);
    const extend =
      ["in_progress", "completed", "rejected"].includes(status) && !unverified && canExtend(subject.jurisdiction, type) && r.bernoulli(0.2);
    const timeline = buildRequestTimeline(
      r,
      { type, status, jurisdiction: subject.jurisdiction, intake, receivedAt, unverified, extend },
      o.ctx,
    );
    return {
      type,
      status,
      subject,
      intake,
      receivedAt,
      timeline,
      unverified,
      erased: type === "deletion" && status === "completed",
      details: r.pick(requestDetails[type][subject.locale]),
    };
  });
  drafts.sort((a, b) => a.receivedAt - b.receivedAt);

  const rows: RequestRows = { requests: [], events: [], outbox: [], tombstones: [], agents: [] };
  const audit: NewAuditEntry[] = [];
  // Each request's subject, kept for the erased too (whose request no longer names them): propagation.ts needs who was told.
  const subjectOf = new Map<number, number>();
  const perYear = new Map<number, number>();
  drafts.forEach((d, i) => {
    const id = i + 1;
    const year = new Date(d.receivedAt).getUTCFullYear();
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const ref = `REQ-${year}-${String(seq).padStart(5, "0")}`;
    subjectOf.set(id, d.subject.row.id);
    const tl = d.timeline;
    const date = (ms: number | null) => (ms === null ? null : new Date(ms));
    // How it ended (issue 18), and who made it: a closing's note and what the person was told follow the outcome.
    const outcome = demoOutcome(id, { type: d.type, status: d.status, jurisdiction: d.subject.jurisdiction, unverified: d.unverified });
    if (outcome.told) tl.rejectionReason = outcome.told;
    const closing = tl.steps.find((s) => s.kind === "status" && s.toStatus === "rejected");
    if (closing && outcome.note) closing.note = outcome.note;
    const agent = demoAgent(id, { jurisdiction: d.subject.jurisdiction, status: d.status, denialReason: outcome.denialReason });
    if (agent) {
      rows.agents!.push({ requestId: id, ...agent, createdAt: new Date(d.receivedAt) });
      tl.steps.splice(1, 0, {
        at: tl.steps[0].at,
        actorId: tl.steps[0].actorId,
        kind: "note",
        fromStatus: null,
        toStatus: null,
        note: systemNote("agent-recorded", { name: agent.name }),
      });
    }
    rows.requests.push({
      id,
      ref,
      subjectId: d.erased ? null : d.subject.row.id,
      type: d.type,
      status: d.status,
      jurisdiction: d.subject.jurisdiction,
      intake: d.intake,
      verification: defaultVerification[d.type],
      details: d.details,
      receivedAt: new Date(d.receivedAt),
      dueAt: new Date(tl.dueAt),
      confirmBy: date(tl.confirmBy),
      extendedAt: date(tl.extendedAt),
      extensionReason: tl.extensionReason?.en ?? null,
      verifiedAt: date(tl.verifiedAt),
      closedAt: date(tl.closedAt),
      rejectionReason: tl.rejectionReason?.en ?? null,
      outcome: outcome.outcome,
      denialReason: outcome.denialReason,
      outcomeNote: outcome.note,
      assigneeId: tl.assigneeId,
      createdById: tl.createdById,
      createdAt: new Date(d.receivedAt),
    });
    for (const s of tl.steps) {
      rows.events.push({
        requestId: id,
        at: new Date(s.at),
        actorId: s.actorId,
        kind: s.kind,
        fromStatus: s.fromStatus,
        toStatus: s.toStatus,
        note: s.note,
      });
      const action = { status: "request.status", extension: "request.extend", assignment: "request.assign", export: "request.export" }[
        s.kind as string
      ];
      if (action) {
        audit.push({
          at: new Date(s.at),
          actorId: s.actorId,
          actorLabel: "seed",
          action,
          targetType: "subject_request",
          targetId: ref,
          details:
            s.kind === "status"
              ? { from: s.fromStatus, to: s.toStatus }
              : s.kind === "assignment"
                ? { assigneeId: tl.assigneeId }
                : { note: s.note },
        });
      }
    }
    if (d.erased) {
      // The erased subject's identifier is gone, so the tombstone hashes a stand-in that cannot be reversed.
      rows.tombstones.push({
        identifierHash: createHash("sha256").update(r.uuid()).digest("hex"),
        requestRef: ref,
        createdAt: date(tl.closedAt)!,
      });
      return;
    }
    for (const m of tl.messages) {
      const locale = d.subject.locale;
      const reason = m.kind === "request-extended" ? tl.extensionReason?.[locale] : tl.rejectionReason?.[locale];
      const text = renderMessage(m.kind, locale, {
        name: d.subject.row.name,
        ref,
        type: requestTypeLabels[d.type][locale],
        due: formatDue(new Date(m.dueAt), locale, o.ctx.timeZone),
        reason: reasonText(reason ?? "", locale),
      });
      const fresh = d.status === "received" || m.at > o.ctx.t.anchor - 12 * 3_600_000;
      const failed = !fresh && r.bernoulli(0.02);
      rows.outbox.push({
        subjectId: d.subject.row.id,
        requestId: id,
        toAddress: d.subject.row.email,
        kind: m.kind,
        locale,
        subjectLine: text.subject,
        body: text.body,
        status: fresh ? "pending" : failed ? "failed" : "sent",
        error: failed ? "550 5.1.1 Recipient mailbox unavailable" : null,
        createdAt: new Date(m.at),
        sentAt: fresh || failed ? null : new Date(m.at + r.int(2, 40) * 1000),
      });
    }
  });
  return { rows, audit, subjectOf };
}
