import { and, gte, lt } from "drizzle-orm";
import { computeReportFigures, type ChoiceOptOuts, type ReportFigures, type ReportRequest } from "@/lib/transparency/figures";
import { CALIFORNIA } from "@/lib/transparency/kinds";
import { quarterRange } from "@/lib/consent/sale-opt-out";
import { yearPeriod } from "@/lib/transparency/period";
import type { Db } from "../connection";
import { subjectRequests } from "../schema";

// Runs on any connection (db/README.md): the server's, through reports.ts, and a store no server holds (the 10M
// bench measurement), since the report is read from an aggregate and an index, never from a scan of the ledger.

/** The requests received in [start, end): a range of subject_requests_received_idx. */
export function listRequestsReceived(db: Db, start: number, end: number): ReportRequest[] {
  return db
    .select({
      type: subjectRequests.type,
      jurisdiction: subjectRequests.jurisdiction,
      status: subjectRequests.status,
      receivedAt: subjectRequests.receivedAt,
      dueAt: subjectRequests.dueAt,
      closedAt: subjectRequests.closedAt,
      outcome: subjectRequests.outcome,
      denialReason: subjectRequests.denialReason,
    })
    .from(subjectRequests)
    .where(and(gte(subjectRequests.receivedAt, new Date(start)), lt(subjectRequests.receivedAt, new Date(end))))
    .all()
    .map((r) => ({
      ...r,
      receivedAt: r.receivedAt.getTime(),
      dueAt: r.dueAt.getTime(),
      closedAt: r.closedAt ? r.closedAt.getTime() : null,
    }));
}

// An opt-out through a consent choice is a person's move from refusing no sale/sharing purpose to refusing one: one
// per person and change of state, however many purposes it refused at once and however often the preference center,
// the widget or a GPC signal repeated it (§7025(b); lib/consent/sale-opt-out.ts). The ledger's one writer counts them
// in consent_opt_outs per quarter hour, so the brand's year in any zone is one range of the table's key. The ones
// Candor writes itself (source "system") carry out completed requests, already counted as requests, and are left out.
const OPT_OUT_SQL = `
  SELECT jurisdiction, SUM(count) AS n FROM consent_opt_outs
  WHERE quarter >= @from AND quarter < @to AND source <> 'system'
  GROUP BY jurisdiction`;

/** Opt-outs of sale/sharing that came as consent choices in [start, end) (a year's instants in the brand's zone), for California and for everyone. */
export function countChoiceOptOuts(db: Db, start: number, end: number): ChoiceOptOuts {
  const rows = db.$client.prepare(OPT_OUT_SQL).all(quarterRange(start, end)) as { jurisdiction: string; n: number }[];
  return {
    california: rows.filter((r) => r.jurisdiction === CALIFORNIA).reduce((a, r) => a + r.n, 0),
    all: rows.reduce((a, r) => a + r.n, 0),
  };
}

/** A year's figures as they stand now, computed from the store. */
export function computeLiveFigures(db: Db, year: number, timeZone: string): ReportFigures {
  const { start, end } = yearPeriod(year, timeZone);
  return computeReportFigures(year, timeZone, listRequestsReceived(db, start, end), countChoiceOptOuts(db, start, end));
}
