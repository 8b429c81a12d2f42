import { confirmReceiptBy, dueDate } from "@/lib/requests/deadlines";
import { requestTypes, type DenialReason, type RequestOutcome } from "@/lib/requests/vocabulary";
import type { Random } from "@/lib/random";
import { DAY_MS } from "@/lib/time";
import { yearPeriod, zonedYearOf } from "@/lib/transparency/period";
import { computeLiveFigures } from "@/db/transparency/figures";
import type { Db } from "@/db/connection";
import type { NewAuditEntry } from "@/db/staff/audit-chain";
import type { RequestRows } from "@/db/seed/rows";
import { transparencyReports } from "@/db/schema";
import type { DemoSubject } from "./subjects";

// Last year's requests, all closed, and the transparency report a privacy officer published for that year in the
// spring (CCPA §7102: by 1 July). The main request generator covers the last four months only, so without these
// the published report would count almost nothing.

const US_TYPES = [
  ["access", 24],
  ["deletion", 26],
  ["opt_out_sale", 20],
  ["rectification", 8],
  ["portability", 6],
  ["limit_sensitive", 8],
] as const;
const OTHER_TYPES = [
  ["access", 30],
  ["deletion", 30],
  ["rectification", 12],
  ["portability", 8],
  ["restriction", 10],
  ["objection", 10],
] as const;
const REASONS: readonly (readonly [DenialReason, number])[] = [
  ["not_verifiable", 50],
  ["not_a_consumer", 15],
  ["exempt", 25],
  ["other", 10],
];
const NOTES: Record<DenialReason, string> = {
  not_verifiable: "The requester did not confirm the code sent to the address on file.",
  not_a_consumer: "The requester is not a California resident.",
  exempt: "Order records kept for tax law (Cal. Civ. Code §1798.105(d)(8)).",
  other: "The request repeated one answered the month before.",
};

export type LastYearOptions = {
  subjects: ReadonlyMap<number, DemoSubject>;
  anchor: number;
  timeZone: string;
  appiTargetDays: number;
  officer: { id: number; email: string };
  /** The first free request id. */
  firstId: number;
  /** The references the other requests already use (a few of them may be last year's). */
  refsTaken: readonly string[];
  count: number;
};

/** Closed requests received last year (brand zone), with outcomes as the desk records them, and a status step each. */
export function generateLastYearRequests(r: Random, o: LastYearOptions): { rows: RequestRows; year: number } {
  const year = zonedYearOf(o.anchor, o.timeZone) - 1;
  const { start, end } = yearPeriod(year, o.timeZone);
  const people = [...o.subjects.values()];
  const californians = people.filter((s) => s.jurisdiction === "US-CA");
  const others = people.filter((s) => s.jurisdiction !== "US-CA");
  const known = new Set<string>(requestTypes);
  const taken = o.refsTaken.filter((ref) => ref.startsWith(`REQ-${year}-`)).length;
  const rows: RequestRows = { requests: [], events: [], outbox: [], tombstones: [] };
  const drafts = Array.from({ length: o.count }, () => {
    const californian = californians.length > 0 && (others.length === 0 || r.bernoulli(0.55));
    const subject = r.pick(californian ? californians : others);
    const type = r.weighted((californian ? US_TYPES : OTHER_TYPES).filter(([t]) => known.has(t)));
    return { subject, type, receivedAt: Math.floor(r.float(start, end - DAY_MS)) };
  }).sort((a, b) => a.receivedAt - b.receivedAt);
  drafts.forEach((d, i) => {
    const id = o.firstId + i;
    const clock = {
      jurisdiction: d.subject.jurisdiction,
      type: d.type,
      receivedAt: new Date(d.receivedAt),
      timeZone: o.timeZone,
      appiTargetDays: o.appiTargetDays,
    };
    const due = dueDate(clock);
    const span = due.getTime() - d.receivedAt;
    // Most answered well inside the period, a few late.
    const closedAt = d.receivedAt + Math.floor(r.bernoulli(0.06) ? span + r.float(1, 9) * DAY_MS : r.float(0.1, 0.85) * span);
    const roll = r.next();
    const outcome: RequestOutcome =
      d.type === "opt_out_sale" || d.type === "limit_sensitive"
        ? roll < 0.96
          ? "complied"
          : "denied"
        : roll < 0.74
          ? "complied"
          : roll < 0.84
            ? "complied_in_part"
            : "denied";
    const reason = outcome === "complied" ? null : outcome === "complied_in_part" ? "exempt" : r.weighted(REASONS);
    const status = outcome === "denied" ? "rejected" : "completed";
    rows.requests.push({
      id,
      ref: `REQ-${year}-${String(taken + i + 1).padStart(5, "0")}`,
      // A deletion carried out leaves the request without its person (kept 24 months, it outlives them).
      subjectId: d.type === "deletion" && outcome !== "denied" ? null : d.subject.row.id,
      type: d.type,
      status,
      jurisdiction: d.subject.jurisdiction,
      intake: r.weighted([
        ["preference_center", 6],
        ["email", 3],
        ["phone", 1],
      ] as const),
      verification: d.type === "opt_out_sale" || d.type === "limit_sensitive" ? "none" : "code",
      receivedAt: new Date(d.receivedAt),
      dueAt: due,
      confirmBy: confirmReceiptBy(clock),
      verifiedAt:
        d.type === "opt_out_sale" || d.type === "limit_sensitive" || reason === "not_verifiable"
          ? null
          : new Date(d.receivedAt + Math.min(span, closedAt - d.receivedAt) / 4),
      closedAt: new Date(closedAt),
      rejectionReason: outcome === "denied" ? NOTES[reason!] : null,
      outcome,
      denialReason: reason,
      outcomeNote: reason ? NOTES[reason] : null,
      assigneeId: o.officer.id,
      createdById: null,
      createdAt: new Date(d.receivedAt),
    });
    rows.events.push(
      { requestId: id, at: new Date(d.receivedAt), actorId: null, kind: "status", fromStatus: null, toStatus: "received", note: null },
      {
        requestId: id,
        at: new Date(closedAt),
        actorId: o.officer.id,
        kind: "status",
        fromStatus: "received",
        toStatus: status,
        note: null,
      },
    );
  });
  return { rows, year };
}

/** Publishes last year's report as the officer did in the spring: version 1, the figures frozen as computed now. */
export function publishLastYearReport(
  db: Db,
  o: { year: number; anchor: number; timeZone: string; officer: { id: number; email: string } },
): NewAuditEntry {
  const spring = Date.UTC(o.year + 1, 2, 3, 10, 0);
  const publishedAt = new Date(Math.min(spring, o.anchor - DAY_MS));
  const figures = computeLiveFigures(db, o.year, o.timeZone);
  db.insert(transparencyReports)
    .values({ year: o.year, version: 1, scope: "california", figures, reason: null, publishedAt, publishedById: o.officer.id })
    .run();
  return {
    at: publishedAt,
    actorId: o.officer.id,
    actorLabel: "seed",
    action: "transparency.publish",
    targetType: "transparency_report",
    targetId: `${o.year}/v1`,
    details: { year: o.year, version: 1, scope: "california" },
  };
}
