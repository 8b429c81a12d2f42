// Who an incident affected, selected from the store (issue 21, deliverable 2): about 100,000 people by criteria and
// from a list of their emails, each run to the end the way the server runs it (slice by slice), timed in process on
// each store (no server: the selection is the store's work). Target: ready within 10 s on the 10M-event store; the
// longest slice is how long the server's event loop is held at once. Applying the selection (writing its rows, a
// timeline step and an audit entry) is timed inside a transaction that is rolled back, so the store is left as it was.
import { databasePath, openDatabase, type Db } from "@/db/connection";
import { selectByCriteria, selectByList, type SelectionProgress, type SelectionResult } from "@/db/incident-affected/select";
import { applySelection } from "@/db/incident-affected/store";
import { parseAffectedList } from "@/lib/incidents/affected-list";
import type { Measurement } from "../bench";
import type { Metric } from "./report";

const TARGET_PEOPLE = 100_000;

type Facts = { subjects: number; events: number; purposeId: number; purposeKey: string; expected: number };

/** The consent purpose whose live grants come nearest the target (or a tenth of the people on a small store). */
function criteriaFacts(db: Db): Facts {
  const sql = db.$client;
  const subjects = (sql.prepare("SELECT count(*) AS n FROM subjects").get() as { n: number }).n;
  const events = (sql.prepare("SELECT coalesce(max(id), 0) AS n FROM consent_events").get() as { n: number }).n;
  const want = Math.min(TARGET_PEOPLE, Math.round(subjects / 10));
  const rows = sql
    .prepare(
      `SELECT p.id AS purposeId, p.key AS purposeKey, sum(t.count) AS granted FROM consent_state_totals t JOIN purposes p ON p.id = t.purpose_id
       WHERE t.state = 'granted' AND p.legal_basis = 'consent' AND p.status = 'active' GROUP BY p.id`,
    )
    .all() as { purposeId: number; purposeKey: string; granted: number }[];
  if (rows.length === 0) throw new Error("the store has no consent purpose with grants: seed it first");
  const best = rows.reduce((a, b) => (Math.abs(b.granted - want) < Math.abs(a.granted - want) ? b : a));
  return { subjects, events, purposeId: best.purposeId, purposeKey: best.purposeKey, expected: best.granted };
}

/** Runs a selection to the end; its time, and the longest gap between two slices (the event loop held). */
function timed(work: Generator<SelectionProgress, SelectionResult>) {
  const started = performance.now();
  let last = started;
  let longest = 0;
  let slices = 0;
  for (;;) {
    const step = work.next();
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (step.done) return { ms: now - started, longest, slices, result: step.value };
    slices++;
  }
}

function measureStore(file: string): Metric[] {
  const db = openDatabase(file);
  try {
    const facts = criteriaFacts(db);
    const label = facts.events >= 5_000_000 ? "10m" : facts.events >= 500_000 ? "1m" : `${Math.round(facts.events / 1000)}k`;
    // Since the start: the worst case, every person whose state is not a live grant has their ledger read.
    const byCriteria = timed(
      selectByCriteria(db, { purposeIds: [facts.purposeId], categories: [], jurisdictions: [], from: null, to: Date.now() }),
    );
    const people = byCriteria.result.people;
    const emails = db.$client.prepare("SELECT email FROM subjects WHERE id = ?").pluck();
    const text = people.map((p) => (emails.get(p.subjectId) as string | null) ?? "").join("\n");
    const byList = timed(selectByList(db, parseAffectedList(text)));
    const sql = db.$client;
    let applyMs = 0;
    sql.exec("BEGIN");
    try {
      const staff = sql
        .prepare(
          "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES ('bench-affected@example.invalid', 'Bench', 'privacy_officer', 'x', 0) RETURNING id",
        )
        .get() as { id: number };
      const incident = sql
        .prepare(
          `INSERT INTO incidents (reference, title, certainty, aware_at, natures, cause, data_categories, data_facts, risk, risk_reason, created_by, created_at, updated_at)
           VALUES ('INC-BENCH-0001', 'Bench', 'confirmed', 0, '["confidentiality"]', 'external_attack', '[]', '[]', 'risk', 'bench', ?, 0, 0) RETURNING id`,
        )
        .get(staff.id) as { id: number };
      const t = performance.now();
      applySelection(
        db,
        {
          incidentId: incident.id,
          source: "criteria",
          mode: "replace",
          criteria: {},
          list: null,
          people,
          counts: byCriteria.result.counts,
          durationMs: byCriteria.ms,
        },
        { id: staff.id, email: "bench-affected@example.invalid" },
      );
      applyMs = performance.now() - t;
    } finally {
      sql.exec("ROLLBACK");
    }
    const details = { purpose: facts.purposeKey, people: people.length, subjects: facts.subjects, ledgerEvents: facts.events };
    const round = (x: number) => Math.round(x);
    return [
      {
        name: `candor.incident-affected.criteria.${label}`,
        value: round(byCriteria.ms),
        unit: "ms",
        target: { max: 10_000 },
        details: { ...details, slices: byCriteria.slices },
      },
      {
        name: `candor.incident-affected.criteria.longest-slice.${label}`,
        value: round(byCriteria.longest),
        unit: "ms",
        target: { max: 500 },
      },
      {
        name: `candor.incident-affected.list.${label}`,
        value: round(byList.ms),
        unit: "ms",
        target: { max: 10_000 },
        details: { entries: people.length, found: byList.result.people.length },
      },
      { name: `candor.incident-affected.apply.${label}`, value: round(applyMs), unit: "ms", details: { rows: people.length } },
    ];
  } finally {
    db.$client.close();
  }
}

export const incidentAffected: Measurement = {
  name: "incident-affected",
  run: ({ options }) => (options.stores.length ? options.stores : [databasePath()]).flatMap(measureStore),
};
