import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConsentEventInput } from "@/lib/consent/events";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger } from "../consent/ledger/record";
import { loadTestCatalog } from "../testing/catalog";
import { createTempDatabase } from "../testing/temp-db";
import { runGroup, type WriteJob, type WriteOperation } from "./group-commit";

// Group commit (issue 22, deliverable 2): callers' operations share one transaction, each in a savepoint of its own.
// What the store holds afterwards must be what the same operations, one transaction each, would have left.

type Store = { temp: ReturnType<typeof createTempDatabase>; db: Db; operations: Record<string, WriteOperation> };

function openStore(name: string): Store {
  const temp = createTempDatabase(name);
  const db = openDatabase(temp.file);
  loadTestCatalog(db);
  const ledger = new ConsentLedger(db);
  const operations: Record<string, WriteOperation> = {
    record: (inputs: ConsentEventInput[], ctx: { gpc: boolean; now: number }) => ledger.record(inputs, ctx),
    // Writes, then fails: as an operation that meets an unexpected error half-way.
    explode: (note: string) => {
      db.$client.prepare("INSERT INTO maintenance_pending (task, noted_at) VALUES (?, 1)").run(note);
      throw new Error(`exploded after writing ${note}`);
    },
  };
  return { temp, db, operations };
}

// Everything the ledger derives, without what is random per store (a subject's uid) or read from the clock.
const TABLES = [
  "consent_events",
  "consent_state",
  "consent_state_totals",
  "consent_daily_rollups",
  "consent_daily_splits",
  "consent_state_moves",
];
function contents(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const existing = new Set(db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  for (const table of [...TABLES, "subjects", "maintenance_pending"].filter((t) => existing.has(t)))
    out[table] = (db.$client.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all() as Record<string, unknown>[]).map((row) =>
      Object.fromEntries(Object.entries(row).filter(([k]) => !/uid$|recorded_at|created_at|updated_at/.test(k))),
    );
  return out;
}

const NOW = Date.UTC(2026, 10, 3, 12);
const event = fc.record({
  person: fc.integer({ min: 1, max: 6 }),
  purpose: fc.constantFrom("newsletter", "ad_sharing", "nonexistent"),
  event: fc.constantFrom("granted", "withdrawn", "refused"),
  key: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  hoursAgo: fc.integer({ min: 0, max: 72 }),
});
const job = fc.oneof(
  { weight: 8, arbitrary: fc.record({ events: fc.array(event, { minLength: 1, maxLength: 4 }), gpc: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant("explode" as const) },
);
const inputsOf = (
  events: fc.Arbitrary<unknown> extends never
    ? never
    : { person: number; purpose: string; event: string; key?: number; hoursAgo: number }[],
) =>
  events.map((e) => ({
    subject: { externalId: `P-${e.person}`, jurisdiction: e.person % 2 ? ("EU" as const) : ("US-CA" as const) },
    purpose: e.purpose,
    event: e.event as "granted",
    source: "api" as const,
    idempotencyKey: e.key === undefined ? undefined : `key-${e.person}-${e.key}`,
    occurredAt: new Date(NOW - e.hoursAgo * 3_600_000).toISOString(),
  }));

describe("runGroup", () => {
  let grouped: Store;
  let alone: Store;
  beforeEach(() => {
    grouped = openStore("group-commit");
    alone = openStore("one-by-one");
  });
  afterEach(() => {
    for (const s of [grouped, alone]) {
      s.db.$client.close();
      s.temp.cleanup();
    }
  });

  it("leaves the store, and each caller's answer, as the same operations one transaction each would", () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(job, { minLength: 1, maxLength: 12 }), (spec) => {
        const jobs: WriteJob[] = spec.map((j) => {
          n++;
          return j === "explode"
            ? { id: n, name: "explode", args: [`note-${n}`] }
            : { id: n, name: "record", args: [inputsOf(j.events), { gpc: j.gpc, now: NOW }] };
        });
        const together = runGroup(grouped.db.$client, jobs, grouped.operations);
        const separately = jobs.map((j) => runGroup(alone.db.$client, [j], alone.operations)[0]);
        const answer = (o: (typeof together)[number]) =>
          o.ok
            ? { ok: true, value: JSON.parse(JSON.stringify(o.value).replace(/"subjectId":"[^"]+"/g, '"subjectId":"?"')) }
            : { ok: false, message: o.error.message };
        expect(together.map(answer)).toEqual(separately.map(answer));
        expect(contents(grouped.db)).toEqual(contents(alone.db));
        expect(grouped.db.$client.inTransaction).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it("gives each caller its own result: a rejected event and a failing operation fail nobody else", () => {
    const ok = (person: number) => [
      {
        subject: { externalId: `C-${person}`, jurisdiction: "EU" as const },
        purpose: "newsletter",
        event: "granted" as const,
        source: "api" as const,
      },
    ];
    const outcomes = runGroup(
      grouped.db.$client,
      [
        { id: 1, name: "record", args: [ok(1), { gpc: false }] },
        { id: 2, name: "record", args: [[{ ...ok(2)[0], purpose: "nonexistent" }], { gpc: false }] },
        { id: 3, name: "explode", args: ["half-written"] },
        { id: 4, name: "record", args: [ok(4), { gpc: false }] },
        { id: 5, name: "no-such-operation", args: [] },
      ],
      grouped.operations,
    );
    expect(outcomes.map((o) => o.id)).toEqual([1, 2, 3, 4, 5]);
    expect(outcomes[0]).toMatchObject({ ok: true, value: { results: [{ status: "stored" }] } });
    expect(outcomes[1]).toMatchObject({ ok: true, value: { results: [{ status: "rejected", code: "unknown-purpose" }] } });
    expect(outcomes[2]).toMatchObject({ ok: false, error: { message: "exploded after writing half-written" } });
    expect(outcomes[3]).toMatchObject({ ok: true, value: { results: [{ status: "stored" }] } });
    expect(outcomes[4]).toMatchObject({ ok: false, error: { message: "no write operation no-such-operation" } });
    // The failed operation's own write is gone; the others' are committed.
    expect(grouped.db.$client.prepare("SELECT count(*) FROM maintenance_pending").pluck().get()).toBe(0);
    expect(grouped.db.$client.prepare("SELECT external_id FROM subjects ORDER BY 1").pluck().all()).toEqual(["C-1", "C-4"]);
  });
});
