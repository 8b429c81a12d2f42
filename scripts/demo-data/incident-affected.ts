import type { Db } from "@/db/connection";
import { selectByList, type SelectionResult } from "@/db/incident-affected/select";
import { applySelection } from "@/db/incident-affected/store";
import { seedIncidentByTitle } from "@/db/seed/incident-reports";
import type { NewAuditEntry } from "@/db/staff/audit-chain";
import { parseAffectedList } from "@/lib/incidents/affected-list";
import type { Timeline } from "./timeline";

type Officer = { id: number; email: string };

function run<T>(work: Generator<unknown, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Who the demo's incidents affected (issue 21, deliverable 2), selected the way the officer would: the misprinted
 * parcel labels from the carrier's list of the 214 Irish customers whose sheets went astray (a closed incident, its
 * selection made while it was open); the credential stuffing from the sign-in logs' list of the 1,140 accounts
 * entered, pasted with three lines twice and three ids of accounts that are no longer in the store. The suspected
 * skimming has no one selected yet: its scope is still being found. Returns the audit entries.
 */
export function seedDemoAffected(db: Db, t: Timeline, officer: Officer): NewAuditEntry[] {
  const audit: NewAuditEntry[] = [];
  const sink = (_db: Db, e: NewAuditEntry) => void audit.push(e);
  const sql = db.$client;
  const apply = (
    incidentId: number,
    source: "criteria" | "list",
    mode: "replace" | "add",
    r: SelectionResult,
    at: number,
    criteria: Record<string, unknown> | null,
  ) =>
    applySelection(
      db,
      {
        incidentId,
        source,
        mode,
        criteria,
        list: r.list ?? null,
        people: r.people,
        counts: r.counts,
        durationMs: 40 + (r.people.length % 900),
      },
      // The seed's audit entries are all labelled as the seed's (scripts/demo-data/seed.test.ts).
      { id: officer.id, email: "seed" },
      { now: new Date(at), audit: sink, allowClosed: true },
    );

  const labels = seedIncidentByTitle(db, "Parcel labels printed with other customers' addresses");
  const irish = sql
    .prepare(
      "SELECT external_id FROM subjects WHERE jurisdiction = 'EU' AND external_id IS NOT NULL AND created_at < ? ORDER BY id LIMIT 214",
    )
    .pluck()
    .all(labels.awareAt.getTime()) as string[];
  if (irish.length > 0)
    apply(
      labels.id,
      "list",
      "replace",
      run(selectByList(db, parseAffectedList(`customer_id\n${irish.join("\n")}`))),
      t.daysAgo(128, 13),
      null,
    );

  const stuffing = seedIncidentByTitle(db, "Credential stuffing on Trail Club accounts");
  const customers = sql
    .prepare("SELECT external_id FROM subjects WHERE external_id IS NOT NULL AND created_at < ? ORDER BY id")
    .pluck()
    .all(stuffing.awareAt.getTime()) as string[];
  if (customers.length === 0) return audit;
  const step = Math.max(1, Math.floor(customers.length / 1140));
  const entered = customers.filter((_, i) => i % step === 0).slice(0, 1140);
  const text = [...entered, ...entered.slice(0, 3), "CUST-0000000", "CUST-9999998", "CUST-9999999"].join("\n");
  apply(stuffing.id, "list", "replace", run(selectByList(db, parseAffectedList(text))), t.daysAgo(1, 19), null);
  return audit;
}
