import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { parseAffectedList } from "@/lib/incidents/affected-list";
import type { AffectedCriteria } from "@/lib/incidents/affected";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger, type LedgerEventInput } from "../consent/ledger/record";
import { loadTestCatalog } from "../testing/catalog";
import { createTempDatabase } from "../testing/temp-db";
import { selectByCriteria, selectByList, type SelectionResult } from "./select";
import { applySelection, getAffectedSummary, listAffectedRecipients, listSelections } from "./store";

// Who an incident affected, read from a ledger written through its one write path. The period is 1–10 May 2026;
// each person's expected place in the selection is worked out by hand in the comment beside them.

const temp = createTempDatabase("incident-affected");
let db: Db;
let purposes: Record<string, number>;
const id = new Map<string, number>();
const FROM = Date.parse("2026-05-01T00:00:00Z");
const TO = Date.parse("2026-05-10T00:00:00Z");

type Place = "EU" | "KR";
function choose(
  who: string,
  jurisdiction: Place,
  iso: string,
  event: LedgerEventInput["event"],
  extra: { externalId?: string; locale?: "ko" } = {},
) {
  const ledger = new ConsentLedger(db);
  const now = Date.parse(iso);
  const subject = {
    email: `${who}@example.com`,
    jurisdiction,
    locale: extra.locale ?? ("en" as const),
    ...(extra.externalId ? { externalId: extra.externalId } : {}),
  };
  const { results } = ledger.record([{ subject, purpose: "newsletter", event, source: "api", occurredAt: iso }], {
    source: "api",
    now,
    gpc: false,
  });
  for (const r of results) if (r.status === "rejected") throw new Error(`${who}: ${r.detail}`);
  id.set(who, (db.$client.prepare("SELECT id FROM subjects WHERE email = ?").get(`${who}@example.com`) as { id: number }).id);
}

function run<T>(work: Generator<unknown, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
const names = (r: SelectionResult) => r.people.map((p) => [...id].find(([, v]) => v === p.subjectId)![0]).sort();
const criteria = (c: Partial<AffectedCriteria>): AffectedCriteria => ({
  purposeIds: [],
  categories: [],
  jurisdictions: [],
  from: FROM,
  to: TO,
  ...c,
});

beforeAll(() => {
  db = openDatabase(temp.file);
  ({ purposes } = loadTestCatalog(db));
  choose("ann", "EU", "2026-03-01T00:00:00Z", "granted"); // granted before, still granted: in
  choose("ben", "EU", "2026-03-01T00:00:00Z", "granted");
  choose("ben", "EU", "2026-05-02T00:00:00Z", "withdrawn"); // live at the start, withdrawn during: in
  choose("cem", "EU", "2026-03-01T00:00:00Z", "granted");
  choose("cem", "EU", "2026-04-20T00:00:00Z", "withdrawn"); // withdrawn before the period: out
  choose("dag", "EU", "2026-03-01T00:00:00Z", "denied");
  choose("dag", "EU", "2026-05-12T00:00:00Z", "granted"); // granted only after it: out
  choose("eli", "EU", "2026-05-05T00:00:00Z", "granted");
  choose("eli", "EU", "2026-05-06T00:00:00Z", "withdrawn");
  choose("eli", "EU", "2026-06-01T00:00:00Z", "granted"); // live for a day inside it: in
  choose("min", "KR", "2026-04-01T00:00:00Z", "granted", { locale: "ko", externalId: "CUST-7" }); // in, in Korea
  choose("hal", "EU", "2026-05-03T00:00:00Z", "denied"); // never granted: out
  db.$client
    .prepare(
      "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES ('po@example.com', 'PO', 'privacy_officer', 'x', 0)",
    )
    .run();
});

afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("selectByCriteria", () => {
  for (const ledgerRead of ["index", "pass"] as const)
    it(`finds the people whose grant was live in the period, reading the ledger by ${ledgerRead}`, () => {
      const r = run(selectByCriteria(db, criteria({ purposeIds: [purposes.newsletter] }), ledgerRead));
      expect(names(r)).toEqual(["ann", "ben", "eli", "min"]);
      expect(r.counts).toEqual({ EU: 3, UK: 0, "US-CA": 0, KR: 1, JP: 0 });
      expect(r.people.find((p) => p.subjectId === id.get("min"))).toMatchObject({
        jurisdiction: "KR",
        locale: "ko",
        hasEmail: true,
        hasPhone: false,
      });
    });

  it("narrows to the jurisdictions named, and with no start counts every grant before the end", () => {
    expect(names(run(selectByCriteria(db, criteria({ purposeIds: [purposes.newsletter], jurisdictions: ["KR"] }))))).toEqual(["min"]);
    expect(names(run(selectByCriteria(db, criteria({ purposeIds: [purposes.newsletter], from: null }))))).toEqual([
      "ann",
      "ben",
      "cem",
      "eli",
      "min",
    ]);
  });

  it("takes every customer for a purpose on another basis, and nobody known only by email", () => {
    expect(names(run(selectByCriteria(db, criteria({ purposeIds: [purposes.orders] }))))).toEqual(["min"]);
  });

  it("reports progress that rises to the end", () => {
    const work = selectByCriteria(db, criteria({ categories: ["contact"] }));
    const seen: number[] = [];
    for (let step = work.next(); !step.done; step = work.next()) seen.push(step.value.done);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe("selectByList", () => {
  it("matches emails and ids, counts a person named twice once, and reports unknown and unreadable entries", () => {
    const list = parseAffectedList("ANN@example.com\nCUST-7\nmin@example.com\nnobody@example.com\nnot an email@\nann@example.com");
    const r = run(selectByList(db, list));
    expect(names(r)).toEqual(["ann", "min"]);
    expect(r.list).toEqual({
      read: 6,
      duplicates: 2,
      invalid: 1,
      unknown: 1,
      invalidEntries: [{ line: 5, value: "not an email@" }],
      unknownEntries: ["nobody@example.com"],
    });
  });
});

describe("applySelection", () => {
  let incidentId: number;
  const actor = { id: 1, email: "po@example.com" };
  beforeAll(() => {
    incidentId = (
      db.$client
        .prepare(
          `INSERT INTO incidents (reference, title, certainty, aware_at, natures, cause, data_categories, data_facts, risk, risk_reason, created_by, created_at, updated_at)
           VALUES ('INC-2026-0001', 'Leak', 'confirmed', ?, '["confidentiality"]', 'external_attack', '["contact"]', '[]', 'high_risk', 'Emails', 1, ?, ?) RETURNING id`,
        )
        .get(TO, TO, TO) as { id: number }
    ).id;
  });
  const apply = (r: SelectionResult, mode: "replace" | "add") =>
    applySelection(
      db,
      { incidentId, source: "criteria", mode, criteria: {}, list: null, people: r.people, counts: r.counts, durationMs: 5 },
      actor,
    );

  it("stores the people with what the notices need, adds without doubling, replaces, and audits each step", () => {
    apply(run(selectByCriteria(db, criteria({ purposeIds: [purposes.newsletter], jurisdictions: ["KR"] }))), "replace");
    expect(apply(run(selectByCriteria(db, criteria({ purposeIds: [purposes.newsletter] }))), "add").affected).toBe(4);
    expect(getAffectedSummary(db, incidentId).counts).toEqual({ EU: 3, UK: 0, "US-CA": 0, KR: 1, JP: 0 });
    expect(listAffectedRecipients(db, incidentId, 0, 2).map((p) => p.subjectId)).toEqual([id.get("ann"), id.get("ben")]);
    expect(apply(run(selectByCriteria(db, criteria({ purposeIds: [purposes.orders] }))), "replace").affected).toBe(1);
    expect(listSelections(db, incidentId).map((s) => [s.mode, s.found, s.affectedAfter])).toEqual([
      ["replace", 1, 1],
      ["add", 4, 4],
      ["replace", 1, 1],
    ]);
    const audit = db.$client.prepare("SELECT action, details FROM audit_log WHERE action = 'incident.affected-selected'").all() as {
      details: string;
    }[];
    expect(audit).toHaveLength(3);
    expect(audit[0].details).not.toContain("@example.com");
    const timeline = db.$client.prepare("SELECT count(*) AS n FROM incident_events WHERE kind = 'affected_selected'").get() as {
      n: number;
    };
    expect(timeline.n).toBe(3);
  });

  it("refuses a closed incident and writes nothing", () => {
    db.$client.prepare("UPDATE incidents SET status = 'closed' WHERE id = ?").run(incidentId);
    expect(() => apply(run(selectByCriteria(db, criteria({ purposeIds: [purposes.newsletter] }))), "replace")).toThrow(ConflictError);
    expect(listSelections(db, incidentId)).toHaveLength(3);
    expect(getAffectedSummary(db, incidentId).total).toBe(1);
  });

  it("an erased person leaves the affected people with their record", () => {
    db.$client.prepare("DELETE FROM consent_state WHERE subject_id = ?").run(id.get("min"));
    db.$client.prepare("DELETE FROM consent_events WHERE subject_id = ?").run(id.get("min"));
    db.$client.prepare("DELETE FROM subjects WHERE id = ?").run(id.get("min"));
    expect(getAffectedSummary(db, incidentId).total).toBe(0);
  });
});
