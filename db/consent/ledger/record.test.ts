import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsentEventInput } from "@/lib/consent/events";
import { openDatabase, type Db } from "../../connection";
import { createTempDatabase } from "../../testing/temp-db";
import { loadTestCatalog } from "../../testing/catalog";
import { ConsentLedger } from "./record";
import { DAY_MS } from "@/lib/time";

const temp = createTempDatabase("ledger");
let db: Db;
let ledger: ConsentLedger;
beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  ledger = new ConsentLedger(db);
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const base = (over: Partial<ConsentEventInput> = {}): ConsentEventInput => ({
  subject: { externalId: "C-1", jurisdiction: "EU" },
  purpose: "newsletter",
  event: "granted",
  source: "api",
  ...over,
});

describe("ConsentLedger.record", () => {
  it("stores an event, creates the subject and reports the new state", () => {
    const { results } = ledger.record([base()], { gpc: false });
    expect(results[0]).toMatchObject({ status: "stored", purpose: "newsletter", state: "granted" });
  });

  it("reports bad events by index and stores the rest, in one go", () => {
    const before = db.$client.prepare("SELECT count(*) AS n FROM consent_events").get() as { n: number };
    const { results } = ledger.record(
      [
        base({ subject: { externalId: "C-2", jurisdiction: "KR" } }),
        base({ purpose: "nope" }),
        base({ purpose: "orders" }),
        base({ channel: "push" }),
        base({ subject: { id: "missing-uid" } }),
        base({ subject: { externalId: "C-new" } }),
        base({ noticeVersion: 9 }),
      ],
      { gpc: false },
    );
    expect(results.map((r) => (r.status === "rejected" ? r.code : r.status))).toEqual([
      "stored",
      "unknown-purpose",
      "not-a-choice",
      "unknown-channel",
      "unknown-subject",
      "jurisdiction-required",
      "unknown-notice-version",
    ]);
    const after = db.$client.prepare("SELECT count(*) AS n FROM consent_events").get() as { n: number };
    expect(after.n - before.n).toBe(1);
  });

  it("stores an idempotency key once and answers replays with the original event", () => {
    const first = ledger.record([base({ idempotencyKey: "k-1" })], { gpc: false }).results[0];
    const again = ledger.record([base({ idempotencyKey: "k-1", event: "withdrawn" })], { gpc: false }).results[0];
    expect(again).toMatchObject({ status: "duplicate", eventId: first.status === "stored" ? first.eventId : -1 });
  });

  it("answers a replay with the original even when the replay itself would be refused or names someone new", () => {
    const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const first = ledger.record([base({ subject: { externalId: "C-replay", jurisdiction: "US-CA" }, idempotencyKey: "k-replay" })], {
      gpc: false,
    }).results[0];
    const before = { events: count("consent_events"), subjects: count("subjects") };
    const replays = ledger.record(
      [
        base({ idempotencyKey: "k-replay", purpose: "nope" }),
        base({ idempotencyKey: "k-replay", subject: { externalId: "C-never-seen", jurisdiction: "EU" } }),
        base({ idempotencyKey: "k-replay", subject: { externalId: "C-replay" } }),
      ],
      { gpc: true },
    );
    const eventId = first.status === "stored" ? first.eventId : -1;
    expect(replays.results).toMatchObject([0, 1, 2].map((index) => ({ index, status: "duplicate", eventId, purpose: "newsletter" })));
    expect(replays.gpcApplied).toBe(0);
    expect({ events: count("consent_events"), subjects: count("subjects") }).toEqual(before);
  });

  it("stores the first of two events sharing a key in one batch and answers the second as its replay", () => {
    const { results } = ledger.record([base({ idempotencyKey: "k-twice" }), base({ idempotencyKey: "k-twice", event: "withdrawn" })], {
      gpc: false,
    });
    expect(results[0]).toMatchObject({ status: "stored", state: "granted" });
    expect(results[1]).toMatchObject({
      status: "duplicate",
      eventId: results[0].status === "stored" ? results[0].eventId : -1,
      state: "granted",
    });
  });

  it("lets legitimate-interest purposes be objected to but not granted", () => {
    const r = ledger.record([base({ purpose: "fraud_checks", event: "withdrawn" }), base({ purpose: "fraud_checks" })], {
      gpc: false,
    }).results;
    expect(r.map((x) => x.status)).toEqual(["stored", "rejected"]);
  });

  it("honours GPC once: opts out of sale/sharing, refuses a grant of it, and is not undone by its absence", () => {
    const subject = { externalId: "C-gpc", jurisdiction: "US-CA" as const };
    const first = ledger.record([base({ subject })], { gpc: true });
    expect(first.gpcApplied).toBe(1);
    const second = ledger.record([base({ subject, purpose: "ad_sharing" })], { gpc: true });
    expect(second.results[0]).toMatchObject({ status: "rejected", code: "gpc-opt-out" });
    expect(second.gpcApplied).toBe(0);
    ledger.record([base({ subject })], { gpc: false });
    const state = db.$client
      .prepare(
        "SELECT cs.state, cs.gpc FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id JOIN purposes p ON p.id = cs.purpose_id WHERE s.external_id = 'C-gpc' AND p.key = 'ad_sharing'",
      )
      .get();
    expect(state).toEqual({ state: "denied", gpc: 1 });
  });

  it("requires a guardian for a minor's grant", () => {
    const r = ledger.record([base({ subject: { externalId: "C-kid", jurisdiction: "KR", isMinor: true } })], { gpc: false }).results[0];
    expect(r).toMatchObject({ status: "rejected", code: "guardian-required" });
    const ok = ledger.record([base({ subject: { externalId: "C-kid", jurisdiction: "KR", isMinor: true }, guardianName: "Kim Parent" })], {
      gpc: false,
    });
    expect(ok.results[0].status).toBe("stored");
  });
});

describe("ConsentLedger.expire", () => {
  it("turns grants past their validity into expired events, once", () => {
    const longAgo = new Date(Date.now() - 800 * DAY_MS).toISOString();
    ledger.record([base({ subject: { externalId: "C-old", jurisdiction: "KR" }, occurredAt: longAgo })], { gpc: false });
    const expired = ledger.expire();
    expect(expired).toBeGreaterThanOrEqual(1);
    const row = db.$client
      .prepare(
        "SELECT cs.state, e.source FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id JOIN consent_events e ON e.id = cs.last_event_id WHERE s.external_id = 'C-old'",
      )
      .get();
    expect(row).toEqual({ state: "expired", source: "system" });
    expect(ledger.expire()).toBe(0);
  });
});

describe("ledger, state and rollups stay consistent", () => {
  const eventArb = fc.record({
    subject: fc.integer({ min: 1, max: 12 }),
    purpose: fc.constantFrom("newsletter", "ad_sharing", "fraud_checks", "orders", "unknown"),
    event: fc.constantFrom("granted", "denied", "withdrawn" as const),
    channel: fc.option(fc.constantFrom("email", "sms", "push"), { nil: undefined }),
    daysAgo: fc.integer({ min: 0, max: 40 }),
    key: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    jurisdiction: fc.constantFrom("EU", "US-CA", "KR", "JP" as const),
    source: fc.constantFrom("banner", "api", "preference_center" as const),
  });

  it("matches a direct count over the ledger after random batches, replays and GPC", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(eventArb, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (batches, gpc) => {
          const run = Math.random().toString(36).slice(2);
          for (const batch of batches) {
            ledger.record(
              batch.map((e) => ({
                subject: { externalId: `P-${run}-${e.subject}`, jurisdiction: e.jurisdiction },
                purpose: e.purpose,
                event: e.event,
                channel: e.channel as never,
                source: e.source,
                occurredAt: new Date(Date.now() - e.daysAgo * DAY_MS).toISOString(),
                idempotencyKey: e.key ? `${run}-${e.key}` : undefined,
              })),
              { gpc },
            );
          }
          const sql = db.$client;
          const rollups = sql
            .prepare(
              "SELECT day, purpose_id, jurisdiction, source, locale, channel, event, gpc, count FROM consent_daily_rollups ORDER BY 1,2,3,4,5,6,7,8",
            )
            .all();
          const direct = sql
            .prepare(
              "SELECT strftime('%Y-%m-%d', occurred_at / 1000, 'unixepoch') AS day, purpose_id, jurisdiction, source, locale, coalesce(channel, '') AS channel, event, gpc, count(*) AS count FROM consent_events GROUP BY 1,2,3,4,5,6,7,8 ORDER BY 1,2,3,4,5,6,7,8",
            )
            .all();
          expect(rollups).toEqual(direct);
          const totals = sql
            .prepare("SELECT purpose_id, jurisdiction, state, count FROM consent_state_totals WHERE count <> 0 ORDER BY 1,2,3")
            .all();
          const fromState = sql
            .prepare(
              "SELECT cs.purpose_id, s.jurisdiction, cs.state, count(*) AS count FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id GROUP BY 1,2,3 ORDER BY 1,2,3",
            )
            .all();
          expect(totals).toEqual(fromState);
          // The state of every pair is the latest event's, except that withdrawing one channel of several keeps the grant.
          const mismatches = sql
            .prepare(
              `SELECT cs.subject_id, cs.purpose_id, cs.state, e.event, e.channel FROM consent_state cs
             JOIN consent_events e ON e.id = (SELECT id FROM consent_events x WHERE x.subject_id = cs.subject_id AND x.purpose_id = cs.purpose_id ORDER BY occurred_at DESC, id DESC LIMIT 1)
             WHERE cs.last_event_id <> e.id OR NOT (cs.state = e.event OR (e.event = 'withdrawn' AND e.channel IS NOT NULL AND cs.state = 'granted'))`,
            )
            .all();
          expect(mismatches).toEqual([]);
          const pairs = sql.prepare("SELECT count(*) AS n FROM (SELECT DISTINCT subject_id, purpose_id FROM consent_events)").get();
          expect(sql.prepare("SELECT count(*) AS n FROM consent_state").get()).toEqual(pairs);
        },
      ),
      { numRuns: 40 },
    );
  });
});
