import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcDay } from "@/lib/metrics/period";
import { DAY_MS } from "@/lib/time";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger } from "../consent/ledger/record";
import { checkDerivedTables } from "../seed/consistency";
import { aggregateLines, count, expectedAggregates, storedAggregates } from "../testing/aggregate-reference";
import { loadTestCatalog } from "../testing/catalog";
import { rowsOf } from "../testing/dashboard-reference";
import { createTempDatabase } from "../testing/temp-db";
import { eraseSubject } from "./erasure";

// Erasure moves the aggregates through the ledger's own writer (consent/ledger/aggregates.ts). After it,
// every state aggregate must equal one computed from scratch: totals and live grants from the
// consent_state that remains, history (moves, net deltas, endings) from the ledger as it was, plus
// each erased state moving to "erased" today.
const temp = createTempDatabase("erasure-aggregates");
let db: Db;
let ledger: ConsentLedger;
const now = Date.now();
const jurisdictions = ["EU", "US-CA", "KR", "JP"] as const;

beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  ledger = new ConsentLedger(db);
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const eventArb = fc.record({
  subject: fc.integer({ min: 0, max: 5 }),
  purpose: fc.constantFrom("newsletter", "newsletter", "ad_sharing", "fraud_checks"),
  event: fc.constantFrom("granted", "granted", "denied", "withdrawn" as const),
  channel: fc.option(fc.constantFrom("email", "sms" as const), { nil: undefined }),
  // Some grants old enough to have expired (the newsletter's last 730 days).
  daysAgo: fc.integer({ min: 0, max: 900 }),
});

type Ev = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function ingest(events: Ev[]): void {
  for (const t of ["consent_events", "consent_state", "subjects", "suppression_tombstones"]) db.$client.exec(`DELETE FROM ${t}`);
  for (const t of Object.keys(storedAggregates(db))) db.$client.exec(`DELETE FROM ${t}`);
  for (const e of [...events].sort((a, b) => b.daysAgo - a.daysAgo))
    ledger.record(
      [
        {
          subject: { externalId: `S${e.subject}`, email: `s${e.subject}@example.org`, jurisdiction: jurisdictions[e.subject % 4] },
          purpose: e.purpose,
          event: e.purpose === "fraud_checks" && e.event === "granted" ? "withdrawn" : e.event,
          channel: e.purpose === "newsletter" ? e.channel : undefined,
          source: "api",
          occurredAt: new Date(now - e.daysAgo * DAY_MS - 60_000).toISOString(),
        },
      ],
      { gpc: false, now },
    );
  ledger.expire(now);
}

describe("erasure and the state aggregates", () => {
  it("leaves every aggregate equal to one recomputed from consent_state and the ledger, erased states moved to erased today", () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
        (events, erased) => {
          ingest(events);
          // The ledger's own writes agree with the reference before anything is erased.
          const before = expectedAggregates(db);
          expect(aggregateLines(storedAggregates(db))).toEqual(aggregateLines(before));

          const victims = rowsOf<{ id: number; j: string }>(
            db,
            `SELECT id, jurisdiction AS j FROM subjects WHERE external_id IN (${erased.map(() => "?").join(", ") || "NULL"})`,
            ...erased.map((n) => `S${n}`),
          );
          const today = utcDay(Date.now());
          for (const v of victims) {
            const states = rowsOf<{ p: number; state: string; v: number }>(
              db,
              "SELECT purpose_id AS p, state, notice_version_id AS v FROM consent_state WHERE subject_id = ?",
              v.id,
            );
            for (const s of states) {
              count(before.consent_state_moves, [s.p, today, v.j, s.state, "erased", s.state === "granted" ? s.v : 0]);
              if (s.state === "granted") count(before.consent_grant_net, [today, s.p, v.j], -1);
            }
            eraseSubject(db, v.id, null);
          }

          const after = expectedAggregates(db);
          expect(aggregateLines(storedAggregates(db))).toEqual(
            aggregateLines({
              // What is live now: recomputed from the consent_state that remains.
              consent_state_totals: after.consent_state_totals,
              consent_grant_versions: after.consent_grant_versions,
              consent_grant_expiries: after.consent_grant_expiries,
              // History stays, with each erased state's move (and a grant's loss) added today.
              consent_grant_net: before.consent_grant_net,
              consent_state_moves: before.consent_state_moves,
              consent_grant_endings: before.consent_grant_endings,
            }),
          );
          // The seeder's consistency check agrees (its state-total check counts rows left at zero, which live writes keep).
          expect(checkDerivedTables(db)).toMatchObject({ cohortMismatches: 0, moveMismatches: 0 });
        },
      ),
      {
        numRuns: 40,
        // Found by this property: a grant that lapsed yesterday, withdrawn today before the expiry job ran, ends on its
        // day as "expired" and the withdrawal moves the person from "expired" (the ledger had moved them from "granted").
        examples: [
          [
            [
              { subject: 3, purpose: "newsletter", event: "granted", channel: undefined, daysAgo: 731 },
              { subject: 3, purpose: "newsletter", event: "withdrawn", channel: "email", daysAgo: 0 },
              { subject: 0, purpose: "newsletter", event: "granted", channel: undefined, daysAgo: 0 },
            ],
            [],
          ],
        ],
      },
    );
  });
});
