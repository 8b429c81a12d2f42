import type { Random } from "@/lib/random";
import { confirmReceiptBy, dueDate, extendedDueDate, regimeFor } from "@/lib/requests/deadlines";
import type { MessageKind } from "./message-templates";
import type { Locale } from "./regions";
import type { RequestEventKind, RequestIntake, RequestStatus, RequestType } from "@/lib/requests/vocabulary";
import { completionNotes, extensionReasons, rejectionReasons, unverifiedReason } from "./request-texts";
import { systemNote } from "@/lib/requests/system-notes";
import { DAY_MS } from "@/lib/time";
import { HOUR_MS, type Timeline } from "./timeline";

const MIN_MS = 60_000;

export type Officer = { id: number; name: string };

export type RequestSpec = {
  type: RequestType;
  status: RequestStatus;
  jurisdiction: string;
  intake: RequestIntake;
  receivedAt: number;
  /** Rejected because identity was never verified (the automatic close), rather than on the merits. */
  unverified: boolean;
  extend: boolean;
};

export type TimelineStep = {
  at: number;
  actorId: number | null;
  kind: RequestEventKind;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
};

export type RequestTimeline = {
  dueAt: number;
  confirmBy: number | null;
  extendedAt: number | null;
  extensionReason: Record<Locale, string> | null;
  verifiedAt: number | null;
  closedAt: number | null;
  rejectionReason: Record<Locale, string> | null;
  assigneeId: number | null;
  createdById: number | null;
  steps: TimelineStep[];
  messages: { kind: MessageKind; at: number; dueAt: number }[];
};

export type TimelineContext = { t: Timeline; timeZone: string; appiTargetDays: number; officers: readonly Officer[]; lead: Officer };

const intakeNotes: Record<RequestIntake, string> = {
  preference_center: systemNote("submitted-preference-center"),
  api: systemNote("submitted-api"),
  phone: systemNote("entered-phone"),
  letter: systemNote("entered-letter"),
  email: systemNote("received-email", { address: "privacy@northtrail.example" }),
};

/** One request's story from receipt to where it stands now, with every step timed and attributed. */
export function buildRequestTimeline(r: Random, spec: RequestSpec, ctx: TimelineContext): RequestTimeline {
  if ((spec.type === "opt_out_sale" || spec.type === "limit_sensitive") && spec.status === "verifying")
    throw new Error("An opt-out of sale/sharing or a limit on sensitive data is never verified");
  const R = spec.receivedAt;
  const input = {
    jurisdiction: spec.jurisdiction,
    type: spec.type,
    receivedAt: new Date(R),
    timeZone: ctx.timeZone,
    appiTargetDays: ctx.appiTargetDays,
  };
  const manual = spec.intake === "phone" || spec.intake === "letter";
  const assignee = r.pick(ctx.officers);
  const out: RequestTimeline = {
    dueAt: dueDate(input).getTime(),
    confirmBy: confirmReceiptBy(input)?.getTime() ?? null,
    extendedAt: null,
    extensionReason: null,
    verifiedAt: null,
    closedAt: null,
    rejectionReason: null,
    assigneeId: null,
    createdById: manual ? r.pick(ctx.officers).id : null,
    steps: [],
    messages: [],
  };
  const step = (
    at: number,
    actorId: number | null,
    kind: TimelineStep["kind"],
    note: string,
    fromStatus: string | null = null,
    toStatus: string | null = null,
  ) => out.steps.push({ at, actorId, kind, fromStatus, toStatus, note });

  step(R, out.createdById, "status", intakeNotes[spec.intake], null, "received");
  const ackAt = R + r.int(1, 5) * MIN_MS;
  out.messages.push({ kind: "request-received", at: ackAt, dueAt: out.dueAt });
  step(ackAt, null, "message", systemNote("acknowledgement-sent"));
  const assignAt = R + r.int(15, 90) * MIN_MS;
  const assign = () => {
    out.assigneeId = assignee.id;
    step(assignAt, ctx.lead.id, "assignment", systemNote("assigned", { name: assignee.name }));
  };
  if (spec.status === "received") {
    if (r.bernoulli(0.5)) assign();
    return fit(out, ctx.t.anchor);
  }
  assign();

  let cursor: number;
  if (spec.type === "opt_out_sale") {
    cursor = assignAt + r.int(10, 180) * MIN_MS;
    step(cursor, assignee.id, "status", systemNote("opt-out-no-verification"), "received", "in_progress");
  } else if (spec.type === "limit_sensitive") {
    // As Candor does live: the limit takes effect at intake (one purpose, precise location, is flagged beyond §7027(m)).
    cursor = R + r.int(1, 5) * 1000;
    step(cursor, out.createdById, "status", systemNote("sensitive-limited", { count: 1 }), "received", "in_progress");
  } else {
    const codeAt = R + r.int(2, 10) * MIN_MS;
    const checkNote = manual ? "Identity check started: asked for the order number and postcode." : systemNote("code-sent");
    step(codeAt, out.createdById, "status", checkNote, "received", "verifying");
    if (spec.status === "verifying") return fit(out, ctx.t.anchor);
    if (spec.status === "rejected" && spec.unverified) {
      out.closedAt = codeAt + 21 * DAY_MS;
      out.rejectionReason = unverifiedReason;
      step(out.closedAt, null, "status", unverifiedReason.en, "verifying", "rejected");
      out.messages.push({ kind: "request-rejected", at: out.closedAt + r.int(1, 5) * MIN_MS, dueAt: out.dueAt });
      return fit(out, ctx.t.anchor);
    }
    cursor = Math.max(assignAt, codeAt) + Math.floor(r.float(10 * MIN_MS, 3 * DAY_MS));
    out.verifiedAt = cursor;
    const verifiedNote = manual ? "Identity verified by phone against three data points." : systemNote("verified-code");
    step(cursor, manual ? assignee.id : null, "status", verifiedNote, "verifying", "in_progress");
  }

  const extended = spec.extend ? extendedDueDate(input)?.getTime() : undefined;
  if (extended !== undefined) {
    const earliest = cursor + HOUR_MS;
    const latest = Math.min(out.dueAt - DAY_MS, ctx.t.anchor - HOUR_MS, earliest + 12 * DAY_MS);
    if (earliest < latest) {
      const reason = r.pick(extensionReasons);
      cursor = Math.floor(r.float(earliest, latest));
      out.extendedAt = cursor;
      out.extensionReason = reason;
      out.dueAt = extended;
      step(cursor, assignee.id, "extension", systemNote("deadline-extended", { reason: reason.en }));
      out.messages.push({ kind: "request-extended", at: cursor + r.int(1, 10) * MIN_MS, dueAt: extended });
    }
  }
  if (spec.status === "in_progress") return fit(out, ctx.t.anchor);

  // Most close on time, early in the window; about one in ten runs late.
  const lastUseful = ctx.t.anchor - HOUR_MS;
  const onTimeUntil = Math.min(out.dueAt, lastUseful);
  let closeAt: number;
  if (r.bernoulli(0.1) && out.dueAt + DAY_MS < lastUseful)
    closeAt = r.float(out.dueAt + HOUR_MS, Math.min(out.dueAt + 12 * DAY_MS, lastUseful));
  else if (cursor + 2 * HOUR_MS < onTimeUntil) closeAt = cursor + 2 * HOUR_MS + (onTimeUntil - cursor - 2 * HOUR_MS) * r.next() ** 1.6;
  else closeAt = cursor + r.float(HOUR_MS, 2 * DAY_MS);
  closeAt = Math.floor(closeAt);
  out.closedAt = closeAt;
  if (spec.status === "completed") {
    if (spec.type === "access" || spec.type === "portability") {
      step(closeAt - Math.floor((closeAt - cursor) * r.float(0.1, 0.5)), assignee.id, "export", systemNote("export-prepared"));
    }
    step(closeAt, assignee.id, "status", completionNotes[spec.type], "in_progress", "completed");
    out.messages.push({ kind: "request-completed", at: closeAt + r.int(1, 5) * MIN_MS, dueAt: out.dueAt });
  } else {
    const reason = r.pick(rejectionReasons);
    out.rejectionReason = reason;
    step(closeAt, assignee.id, "status", reason.en, "in_progress", "rejected");
    out.messages.push({ kind: "request-rejected", at: closeAt + r.int(1, 5) * MIN_MS, dueAt: out.dueAt });
  }
  return fit(out, ctx.t.anchor);
}

/** Squeezes a timeline that would run past the anchor back before it, keeping the order of its steps. */
function fit(out: RequestTimeline, anchor: number): RequestTimeline {
  const R = out.steps[0].at;
  const limit = anchor - 10 * MIN_MS;
  const latest = Math.max(...out.steps.map((s) => s.at), ...out.messages.map((m) => m.at));
  out.steps.sort((a, b) => a.at - b.at);
  out.messages.sort((a, b) => a.at - b.at);
  if (latest <= limit) return out;
  const scale = (limit - R) / (latest - R);
  const map = (x: number) => Math.floor(R + (x - R) * scale);
  for (const s of out.steps) s.at = map(s.at);
  for (const m of out.messages) m.at = map(m.at);
  if (out.verifiedAt !== null) out.verifiedAt = map(out.verifiedAt);
  if (out.extendedAt !== null) out.extendedAt = map(out.extendedAt);
  if (out.closedAt !== null) out.closedAt = map(out.closedAt);
  return out;
}

/** Whether a request of this kind can be extended at all, so extension is only planned where the law allows one. */
export function canExtend(jurisdiction: string, type: RequestType): boolean {
  const regime = regimeFor(jurisdiction);
  return regime === "gdpr" || (regime === "ccpa" && type !== "opt_out_sale" && type !== "limit_sensitive");
}
