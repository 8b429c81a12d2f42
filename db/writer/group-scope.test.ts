import { afterEach, describe, expect, it } from "vitest";
import type { ConsentEventInput } from "@/lib/consent/events";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger } from "../consent/ledger/record";
import { loadTestCatalog } from "../testing/catalog";
import { createTempDatabase } from "../testing/temp-db";
import { runGroup, type WriteJob, type WriteOperation } from "./group-commit";
import { scoped } from "./group-scope";

// Consent records in a row in one group commit read the purposes and the data map once (./group-scope.ts); any other
// job between them, which may change those tables, makes the next record read them again.

const temps: ReturnType<typeof createTempDatabase>[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function store(): Db {
  const temp = createTempDatabase("group-scope");
  temps.push(temp);
  const db = openDatabase(temp.file);
  loadTestCatalog(db);
  return db;
}

const jobs = (...names: string[]): WriteJob[] => names.map((name, id) => ({ id, name, args: [] }));

describe("what one group commit's jobs share", () => {
  it("reads once for consent records in a row, again after any other job, and on every call outside a group", () => {
    const db = store();
    const reads: string[] = [];
    const read = (job: string) => scoped("k", () => (reads.push(job), reads.length));
    const operations: Record<string, WriteOperation> = {
      "consent.recordConsent": () => read("record"),
      other: () => read("other"),
    };
    const outcomes = runGroup(
      db.$client,
      jobs("consent.recordConsent", "consent.recordConsent", "other", "other", "consent.recordConsent", "consent.recordConsent"),
      operations,
    );
    expect(outcomes.map((o) => (o.ok ? o.value : o.error.message))).toEqual([1, 1, 2, 3, 4, 4]);
    // A new group starts afresh, and outside a group nothing is kept.
    expect(runGroup(db.$client, jobs("consent.recordConsent"), operations).map((o) => o.ok && o.value)).toEqual([5]);
    expect([read("alone"), read("alone")]).toEqual([6, 7]);
  });

  it("a record after another job in the same group sees what that job changed", () => {
    const db = store();
    const ledger = new ConsentLedger(db);
    const input: ConsentEventInput = {
      subject: { externalId: "c-1", jurisdiction: "KR" },
      purpose: "newsletter",
      event: "granted",
      source: "api",
    };
    const operations: Record<string, WriteOperation> = {
      "consent.recordConsent": () => ledger.record([input], { gpc: false }).results[0],
      // As a purpose's retirement would, through the writer, between two callers' events.
      retire: () => db.$client.prepare("UPDATE purposes SET status = 'retired' WHERE key = 'newsletter'").run().changes,
    };
    const outcomes = runGroup(db.$client, jobs("consent.recordConsent", "retire", "consent.recordConsent"), operations);
    const values = outcomes.map((o) => (o.ok ? o.value : o.error.message)) as [
      { status: string },
      number,
      { status: string; code?: string },
    ];
    expect(values[0].status).toBe("stored");
    expect(values[1]).toBe(1);
    expect(values[2]).toMatchObject({ status: "rejected", code: "unknown-purpose" });
  });
});
