import { createHash } from "node:crypto";
import type { Db } from "../connection";
import { DAY_MS } from "@/lib/time";

export type DerivedTableCheck = {
  events: number;
  stateRows: number;
  /** consent_state rows that differ from the last event per subject and purpose, counted both ways. */
  stateMismatches: number;
  /** Granted states whose channel list differs from the grants since the last non-grant. */
  channelMismatches: number;
  rollupRows: number;
  /** consent_state_totals rows that differ from a count over consent_state, counted both ways. */
  stateTotalMismatches: number;
  /** Rollup rows that differ from a GROUP BY over the ledger, counted both ways. */
  rollupMismatches: number;
  /** Events whose id order disagrees with their time order within one subject. */
  outOfOrderEvents: number;
  /** consent_daily_splits rows that differ from the daily rollups summed per dimension, counted both ways. */
  splitMismatches: number;
  /** Live-grant rows (by version, by expiry day, net deltas summed) that differ from a count of granted consent_state rows, counted both ways. */
  cohortMismatches: number;
  /** (purpose, jurisdiction, state) whose moves in minus moves out differ from consent_state_totals, counted both ways. */
  moveMismatches: number;
  /** consent_opt_outs rows that differ from a replay of each person's sale/sharing refusals in the ledger, counted both ways. */
  optOutMismatches: number;
};

const expectedState = `
  WITH last AS (SELECT subject_id, purpose_id, MAX(id) AS id FROM consent_events GROUP BY subject_id, purpose_id)
  SELECT e.subject_id, e.purpose_id, e.event AS state, e.notice_version_id, e.id AS last_event_id, e.gpc,
         e.occurred_at AS decided_at,
         CASE WHEN e.event = 'granted' AND p.validity_days IS NOT NULL THEN e.occurred_at + p.validity_days * ${DAY_MS} END AS expires_at
  FROM last l JOIN consent_events e ON e.id = l.id JOIN purposes p ON p.id = e.purpose_id`;
const storedState = `SELECT subject_id, purpose_id, state, notice_version_id, last_event_id, gpc, decided_at, expires_at FROM consent_state`;

const expectedRollups = `
  SELECT strftime('%Y-%m-%d', occurred_at / 1000, 'unixepoch') AS day, purpose_id, jurisdiction, source, locale,
         COALESCE(channel, '') AS channel, event, gpc, COUNT(*) AS count
  FROM consent_events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
const storedRollups = `SELECT day, purpose_id, jurisdiction, source, locale, channel, event, gpc, count FROM consent_daily_rollups`;

const expectedTotals = `
  SELECT cs.purpose_id, s.jurisdiction, cs.state, COUNT(*) AS count
  FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id GROUP BY 1, 2, 3`;
const storedTotals = `SELECT purpose_id, jurisdiction, state, count FROM consent_state_totals`;

const expectedSplits = ["source", "locale", "channel"]
  .map(
    (d) => `SELECT '${d}', day, purpose_id, jurisdiction, ${d}, SUM(CASE WHEN event = 'granted' THEN count ELSE 0 END),
    SUM(CASE WHEN event = 'denied' THEN count ELSE 0 END), SUM(CASE WHEN event = 'withdrawn' THEN count ELSE 0 END),
    SUM(CASE WHEN event = 'expired' THEN count ELSE 0 END), SUM(CASE WHEN gpc THEN count ELSE 0 END),
    SUM(CASE WHEN gpc AND event = 'granted' THEN count ELSE 0 END)
    FROM consent_daily_rollups GROUP BY 1, 2, 3, 4, 5`,
  )
  .join(" UNION ALL ");
const storedSplits =
  "SELECT dimension, day, purpose_id, jurisdiction, value, granted, denied, withdrawn, expired, gpc, gpc_granted FROM consent_daily_splits";
const grantsOf = (columns: string[], where = "") => `
  SELECT ${columns.join(", ")}, COUNT(*) AS count FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id
  WHERE cs.state = 'granted' ${where} GROUP BY ${columns.map((_, i) => i + 1).join(", ")}`;
const expectedVersions = grantsOf(["cs.purpose_id", "s.jurisdiction", "cs.notice_version_id"]);
const storedVersions = `SELECT purpose_id, jurisdiction, notice_version_id, count FROM consent_grant_versions WHERE count <> 0`;
const expectedExpiries = grantsOf(
  ["strftime('%Y-%m-%d', cs.expires_at / 1000, 'unixepoch')", "cs.purpose_id", "s.jurisdiction"],
  "AND cs.expires_at IS NOT NULL",
);
const storedExpiries = `SELECT expires_day, purpose_id, jurisdiction, count FROM consent_grant_expiries WHERE count <> 0`;
const expectedNet = grantsOf(["cs.purpose_id", "s.jurisdiction"]);
const storedNet = `SELECT purpose_id, jurisdiction, SUM(delta) AS count FROM consent_grant_net GROUP BY 1, 2 HAVING SUM(delta) <> 0`;
const netMoves = `
  SELECT purpose_id, jurisdiction, state, SUM(n) AS count FROM (
    SELECT purpose_id, jurisdiction, to_state AS state, count AS n FROM consent_state_moves
    UNION ALL SELECT purpose_id, jurisdiction, from_state, -count FROM consent_state_moves WHERE from_state <> ''
  ) WHERE state <> 'erased' GROUP BY 1, 2, 3 HAVING SUM(n) <> 0`;

// One opt-out per person and change of state (lib/consent/sale-opt-out.ts): per person, the running number of
// sale/sharing purposes refused (each event's refusal minus the same purpose's previous one) going from 0 to 1. Migration
// 0037 fills the table the same way; it holds for a ledger without erasures or single-channel withdrawals, like the demo's.
const expectedOptOuts = `
  WITH flagged AS (
    SELECT e.id, e.subject_id, e.purpose_id, e.occurred_at, e.source, e.gpc,
           CASE WHEN e.event IN ('withdrawn', 'denied') THEN 1 ELSE 0 END AS refused
    FROM consent_events e JOIN purposes p ON p.id = e.purpose_id WHERE p.sale_or_sharing = 1
  ),
  moved AS (
    SELECT *, refused - COALESCE(LAG(refused) OVER (PARTITION BY subject_id, purpose_id ORDER BY occurred_at, id), 0) AS delta FROM flagged
  ),
  running AS (SELECT *, SUM(delta) OVER (PARTITION BY subject_id ORDER BY occurred_at, id ROWS UNBOUNDED PRECEDING) AS refusing FROM moved)
  SELECT r.occurred_at / 900000, s.jurisdiction, r.source, r.gpc, COUNT(*)
  FROM running r JOIN subjects s ON s.id = r.subject_id WHERE r.delta = 1 AND r.refusing = 1 GROUP BY 1, 2, 3, 4`;
const storedOptOuts = "SELECT quarter, jurisdiction, source, gpc, count FROM consent_opt_outs";

function scalar(db: Db, sql: string): number {
  return (db.$client.prepare(sql).get() as { n: number }).n;
}

function symmetricDifference(db: Db, a: string, b: string): number {
  const minus = (x: string, y: string) => `SELECT COUNT(*) AS n FROM (SELECT * FROM (${x}) EXCEPT SELECT * FROM (${y}))`;
  return scalar(db, minus(a, b)) + scalar(db, minus(b, a));
}

/**
 * Channels granted now, per subject and purpose, sorted: the union of grants since
 * the last non-grant, null meaning every channel. (The demo never withdraws a
 * single channel, so this is lib/consent/state.ts's rule for the events it writes.)
 */
function channelMismatches(db: Db): number {
  const purposeChannels = new Map<number, string[]>();
  for (const p of db.$client.prepare("SELECT id, channels FROM purposes").all() as { id: number; channels: string }[]) {
    purposeChannels.set(p.id, JSON.parse(p.channels));
  }
  const expected = new Map<string, Set<string>>();
  const grants = db.$client.prepare(`
    WITH cut AS (
      SELECT subject_id, purpose_id, MAX(CASE WHEN event <> 'granted' THEN id END) AS cut FROM consent_events GROUP BY subject_id, purpose_id
    )
    SELECT e.subject_id AS s, e.purpose_id AS p, e.channel AS c FROM consent_events e
    JOIN cut ON cut.subject_id = e.subject_id AND cut.purpose_id = e.purpose_id
    WHERE e.event = 'granted' AND e.id > COALESCE(cut.cut, 0)`);
  for (const g of grants.iterate() as Iterable<{ s: number; p: number; c: string | null }>) {
    const key = `${g.s}:${g.p}`;
    const set = expected.get(key) ?? new Set<string>();
    for (const c of g.c === null ? (purposeChannels.get(g.p) ?? []) : [g.c]) set.add(c);
    expected.set(key, set);
  }
  let mismatches = 0;
  const states = db.$client.prepare("SELECT subject_id AS s, purpose_id AS p, state, channels FROM consent_state");
  for (const st of states.iterate() as Iterable<{ s: number; p: number; state: string; channels: string }>) {
    const want = st.state === "granted" ? [...(expected.get(`${st.s}:${st.p}`) ?? [])].sort() : [];
    if (JSON.stringify(want) !== st.channels) mismatches++;
  }
  return mismatches;
}

/** Re-derives consent_state and the daily rollups from the ledger and counts every difference. */
export function checkDerivedTables(db: Db): DerivedTableCheck {
  return {
    events: scalar(db, "SELECT COUNT(*) AS n FROM consent_events"),
    stateRows: scalar(db, "SELECT COUNT(*) AS n FROM consent_state"),
    stateMismatches: symmetricDifference(db, expectedState, storedState),
    channelMismatches: channelMismatches(db),
    rollupRows: scalar(db, "SELECT COUNT(*) AS n FROM consent_daily_rollups"),
    rollupMismatches: symmetricDifference(db, expectedRollups, storedRollups),
    stateTotalMismatches: symmetricDifference(db, expectedTotals, storedTotals),
    splitMismatches: symmetricDifference(db, expectedSplits, storedSplits),
    cohortMismatches:
      symmetricDifference(db, expectedVersions, storedVersions) +
      symmetricDifference(db, expectedExpiries, storedExpiries) +
      symmetricDifference(db, expectedNet, storedNet),
    moveMismatches: symmetricDifference(db, netMoves, `${storedTotals} WHERE count <> 0`),
    optOutMismatches: symmetricDifference(db, expectedOptOuts, storedOptOuts),
    outOfOrderEvents: scalar(
      db,
      `SELECT COUNT(*) AS n FROM (
         SELECT occurred_at, LAG(occurred_at) OVER (PARTITION BY subject_id ORDER BY id) AS prev FROM consent_events
       ) WHERE prev IS NOT NULL AND occurred_at <= prev`,
    ),
  };
}

/** A SHA-256 per table over every row in key order, to tell whether two stores hold identical data. */
export function digestTables(db: Db): Record<string, string> {
  const tables = db.$client
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const hash = createHash("sha256");
    // A WITHOUT ROWID table has no rowid; a plain scan of it already runs in primary-key order.
    const withoutRowid =
      (db.$client.prepare("SELECT wr FROM pragma_table_list WHERE name = ?").get(name) as { wr: number } | undefined)?.wr === 1;
    for (const row of db.$client
      .prepare(`SELECT * FROM "${name}"${withoutRowid ? "" : " ORDER BY rowid"}`)
      .raw()
      .iterate()) {
      hash.update(JSON.stringify(row)).update("\n");
    }
    out[name] = hash.digest("hex");
  }
  return out;
}

/** Row counts of the tables the demo fills. */
export function countRows(db: Db): Record<string, number> {
  const names = [
    "staff_users",
    "purposes",
    "notice_versions",
    "subjects",
    "consent_events",
    "consent_state",
    "consent_daily_rollups",
    "consent_state_totals",
    "consent_daily_splits",
    "consent_grant_versions",
    "consent_grant_expiries",
    "consent_grant_net",
    "consent_state_moves",
    "consent_grant_endings",
    "subject_requests",
    "request_events",
    "outbox",
    "audit_log",
  ];
  return Object.fromEntries(names.map((n) => [n, scalar(db, `SELECT COUNT(*) AS n FROM ${n}`)]));
}
