import { and, gte, lt } from "drizzle-orm";
import { computeReportFigures, type ChoiceOptOuts, type ReportFigures, type ReportRequest } from "@/lib/transparency/figures";
import { CALIFORNIA } from "@/lib/transparency/kinds";
import { ledgerDays, yearPeriod } from "@/lib/transparency/period";
import type { Db } from "../connection";
import { subjectRequests } from "../schema";

// Runs on any connection (db/README.md): the server's, through reports.ts, and a store no server holds (the 10M
// bench measurement), since the report is read from aggregates and an index, never from a scan of the ledger.

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

// A person's move into "withdrawn" or "denied" from any other state (or from no decision yet) for a purpose that
// sells or shares data (purposes.sale_or_sharing, the data map's flag) is one opt-out: one per person and change
// of state, however many times the preference center, the widget or a GPC signal repeated it (§7025(b)). The
// withdrawals Candor writes itself (source "system") are those of completed requests, already counted as requests,
// and are taken away. Both tables are kept per UTC day, purpose and jurisdiction by the ledger's one writer; their
// keys start with the purpose and the day, so a year is a range per sale/sharing purpose.
const OPT_OUT_SQL = `
  WITH sale AS (SELECT id FROM purposes WHERE sale_or_sharing = 1),
  moves AS (
    SELECT m.jurisdiction AS j, SUM(m.count) AS n FROM consent_state_moves m JOIN sale ON sale.id = m.purpose_id
    WHERE m.day BETWEEN @from AND @to AND m.to_state IN ('withdrawn', 'denied') AND m.from_state NOT IN ('withdrawn', 'denied')
    GROUP BY m.jurisdiction
  ),
  made AS (
    SELECT s.jurisdiction AS j, SUM(s.withdrawn + s.denied) AS n FROM consent_daily_splits s JOIN sale ON sale.id = s.purpose_id
    WHERE s.dimension = 'source' AND s.value = 'system' AND s.day BETWEEN @from AND @to
    GROUP BY s.jurisdiction
  )
  SELECT moves.j AS jurisdiction, MAX(0, moves.n - COALESCE(made.n, 0)) AS n FROM moves LEFT JOIN made ON made.j = moves.j`;

/** Opt-outs of sale/sharing that came as consent choices in a year (UTC days), for California and for everyone. */
export function countChoiceOptOuts(db: Db, year: number): ChoiceOptOuts {
  const rows = db.$client.prepare(OPT_OUT_SQL).all(ledgerDays(year)) as { jurisdiction: string; n: number }[];
  return {
    california: rows.filter((r) => r.jurisdiction === CALIFORNIA).reduce((a, r) => a + r.n, 0),
    all: rows.reduce((a, r) => a + r.n, 0),
  };
}

/** A year's figures as they stand now, computed from the store. */
export function computeLiveFigures(db: Db, year: number, timeZone: string): ReportFigures {
  const { start, end } = yearPeriod(year, timeZone);
  return computeReportFigures(year, timeZone, listRequestsReceived(db, start, end), countChoiceOptOuts(db, year));
}
