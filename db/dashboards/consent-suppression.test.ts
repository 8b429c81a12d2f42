import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roles } from "@/lib/auth/roles";
import type { ConsentEventInput } from "@/lib/consent/events";
import {
  eventCounts,
  headlineCounts,
  shownRow,
  suppressConsentAnalytics,
  suppressionFor,
  suppressPurposeGrants,
  suppressTrustDashboard,
} from "@/lib/metrics/consent-suppression";
import { toCsv } from "@/lib/metrics/csv";
import { utcDay } from "@/lib/metrics/period";
import { belowK } from "@/lib/metrics/suppression";
import { addDays } from "@/lib/time";
import { createTempDatabase } from "../testing/temp-db";

// Threat: a marketer or executive reads, or subtracts, one person's choices out of a consent breakdown. Over
// random ledgers, k and filters, every view, CSV file and API answer those roles get (built by the same
// functions the routes call) shows no count below k, and no hidden count equals a shown total minus the shown
// counts of its row or column. The relations are written out here, apart from the suppression code.
const temp = createTempDatabase("suppression");
process.env.DATABASE_PATH = temp.file;

const now = Date.now();
const today = utcDay(now);
let client: typeof import("../client");
let analytics: typeof import("./consent-analytics");
let purposeView: typeof import("./consent-purpose");
let trust: typeof import("./trust");
let ids: Record<string, number>;
let ledger: import("../consent/ledger/record").ConsentLedger;

beforeAll(async () => {
  client = await import("../client");
  analytics = await import("./consent-analytics");
  purposeView = await import("./consent-purpose");
  trust = await import("./trust");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { ConsentLedger } = await import("../consent/ledger/record");
  ids = loadTestCatalog(client.db).purposes;
  ledger = new ConsentLedger(client.db);
});
afterAll(() => temp.cleanup());

const jurisdictions = ["EU", "US-CA", "KR", "JP"] as const;
const purposeKeys = ["newsletter", "ad_sharing", "fraud_checks"] as const;
const eventArb = fc.record({
  subject: fc.integer({ min: 0, max: 59 }),
  purpose: fc.constantFrom(...purposeKeys),
  event: fc.constantFrom("granted", "granted", "denied", "withdrawn" as const),
  channel: fc.option(fc.constantFrom("email", "sms" as const), { nil: undefined }),
  // Most events in the last two weeks, so that many cells reach k and some totals sit beside small cells.
  minutesAgo: fc.oneof(fc.integer({ min: 0, max: 14 * 24 * 60 }), fc.integer({ min: 0, max: 90 * 24 * 60 })),
  source: fc.constantFrom("banner", "api", "preference_center" as const),
  locale: fc.constantFrom("en", "ko" as const),
  gpc: fc.boolean(),
});
const filterArb = fc.record({
  endDaysAgo: fc.integer({ min: 0, max: 10 }),
  length: fc.integer({ min: 1, max: 120 }),
  jurisdiction: fc.option(fc.constantFrom(...jurisdictions), { nil: undefined }),
  purpose: fc.option(fc.constantFrom(...purposeKeys), { nil: undefined }),
});
type Ev = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

const tables = [
  "consent_events",
  "consent_state",
  "consent_state_totals",
  "consent_daily_rollups",
  "consent_daily_splits",
  "consent_grant_versions",
  "consent_grant_expiries",
  "consent_grant_net",
  "consent_state_moves",
  "consent_grant_endings",
  "subjects",
];

function ingest(events: Ev[]): void {
  for (const t of tables) client.db.$client.exec(`DELETE FROM ${t}`);
  const sorted = [...events].sort((a, b) => b.minutesAgo - a.minutesAgo);
  for (let i = 0; i < sorted.length; i += 8) {
    const batch = sorted.slice(i, i + 8);
    const last = now - batch.at(-1)!.minutesAgo * 60_000;
    ledger.record(
      batch.map((e): ConsentEventInput => ({
        subject: { externalId: `S${e.subject}`, jurisdiction: jurisdictions[e.subject % 4], locale: e.locale },
        purpose: e.purpose,
        event: e.purpose === "fraud_checks" && e.event === "granted" ? "withdrawn" : e.event,
        channel: e.purpose === "newsletter" ? e.channel : undefined,
        source: e.source,
        locale: e.locale,
        occurredAt: new Date(now - e.minutesAgo * 60_000).toISOString(),
      })),
      { gpc: batch[0].gpc, now: last + 1 },
    );
  }
}

type Row = Record<string, unknown>;
type Relation = { total: [Row, Row, string]; parts: [Row, Row, string][] };

/** Every count a shown row holds is null (suppressed) or at least k. */
function expectNoSmallCount(rows: Row[], keys: readonly string[], k: number, where: string) {
  for (const r of rows)
    for (const key of keys) {
      const v = r[key];
      if (v !== null) expect(v as number, `${where}.${key}`).toBeGreaterThanOrEqual(k);
    }
}

/** A relation (total = Σ parts, shown row beside its exact row): no hidden part equals the shown total minus the shown parts. */
function expectNotRecoverable({ total, parts }: Relation, where: string) {
  const [shownTotal, , totalKey] = total;
  const hiddenParts = parts.filter(([shown, , key]) => shown[key] === null);
  if (shownTotal[totalKey] === null) {
    // A hidden total is not the sum of all-shown parts.
    if (parts.length) expect(hiddenParts.length, `${where}: hidden total, every part shown`).toBeGreaterThan(0);
    return;
  }
  const gap = parts.reduce((n, [shown, , key]) => (shown[key] === null ? n : n - (shown[key] as number)), shownTotal[totalKey] as number);
  for (const [, exact, key] of hiddenParts) expect(exact[key], `${where}: a hidden ${key} is the total minus the shown`).not.toBe(gap);
}

const rel = (t: [Row, Row], tk: string, ps: [Row, Row][], pk = tk): Relation => ({
  total: [t[0], t[1], tk],
  parts: ps.map(([s, e]) => [s, e, pk]),
});
const zip = <A, B>(a: A[], b: B[]): [A, B][] => a.map((x, i) => [x, b[i]]);

/** The CSV a table's download gives: each count is "< k" (below k), "hidden" (complementary) or a whole number of at least k. */
function expectCsvSafe(rows: Row[], keys: readonly string[], k: number) {
  const csv = toCsv(
    keys.map((key) => ({ key, label: key })),
    rows.map((r) => shownRow(r, k, "hidden")),
  );
  const lines = csv.trim().split("\r\n").slice(1);
  lines.forEach((line, i) =>
    line.split(",").forEach((cell, j) => {
      if (cell === belowK(k)) expect((rows[i].belowK as string[]).includes(keys[j])).toBe(true);
      else if (cell !== "hidden") expect(Number(cell)).toBeGreaterThanOrEqual(k);
    }),
  );
}

describe("consent views for marketing and executives", () => {
  it("show no count below k, and no hidden count is a shown total minus shown counts, over random ledgers and filters", () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 400, size: "max" }),
        filterArb,
        fc.integer({ min: 5, max: 14 }),
        fc.constantFrom(...roles),
        (events, q, brandK, role) => {
          ingest(events);
          const to = addDays(today, -q.endDaysAgo);
          const f = {
            period: { from: addDays(to, -(q.length - 1)), to },
            jurisdiction: q.jurisdiction,
            purposeId: q.purpose && ids[q.purpose],
          };
          const k = suppressionFor(role, brandK);
          const exact = analytics.getConsentAnalytics(f, today);
          const served = suppressConsentAnalytics(exact, k, brandK);
          if (k === null) {
            // The privacy officer reads exact figures.
            expect(role).toBe("privacy_officer");
            expect({ ...served, suppression: undefined }).toEqual({ ...exact, suppression: undefined });
            return;
          }
          expect(served.suppression).toEqual({ k, exact: false });
          const stock = ["live", "decided", "stale", "expiring"];
          const s = served as unknown as { summary: Row; trend: Row[]; purposes: Row[]; splits: Record<string, Row[]> };
          const e = exact as unknown as typeof s;
          expectNoSmallCount([s.summary], [...eventCounts, ...headlineCounts, ...stock], k, "summary");
          expectNoSmallCount(s.purposes, [...eventCounts, ...stock], k, "purposes");
          expectNoSmallCount(s.trend, [...eventCounts, "live"], k, "trend");
          for (const d of Object.keys(s.splits)) expectNoSmallCount(s.splits[d], eventCounts, k, `splits.${d}`);
          // Within the summary: answers = grants + refusals, GPC events = GPC grants + GPC opt-outs.
          const relations: Relation[] = [
            {
              total: [s.summary, e.summary, "answers"],
              parts: [
                [s.summary, e.summary, "granted"],
                [s.summary, e.summary, "denied"],
              ],
            },
            {
              total: [s.summary, e.summary, "gpc"],
              parts: [
                [s.summary, e.summary, "gpcGranted"],
                [s.summary, e.summary, "gpcOptOuts"],
              ],
            },
          ];
          const summary: [Row, Row] = [s.summary, e.summary];
          for (const key of eventCounts) {
            relations.push(rel(summary, key, zip(s.trend, e.trend)), rel(summary, key, zip(s.purposes, e.purposes)));
            for (const d of Object.keys(s.splits)) relations.push(rel(summary, key, zip(s.splits[d], e.splits[d])));
          }
          for (const key of stock) relations.push(rel(summary, key, zip(s.purposes, e.purposes)));
          relations.forEach((r, i) => expectNotRecoverable(r, `consent analytics relation ${i}`));
          expectCsvSafe(s.trend, [...eventCounts, "live"], k);
          expectCsvSafe(s.purposes, [...eventCounts, ...stock], k);
          for (const d of Object.keys(s.splits)) expectCsvSafe(s.splits[d], eventCounts, k);

          // One purpose's grants: flow, lifetimes and versions, tied by the period's totals.
          const key = q.purpose ?? "newsletter";
          const pExact = purposeView.getPurposeGrants({ ...f, purposeId: ids[key] }, { key, name: key });
          const p = suppressPurposeGrants(pExact, k, brandK) as unknown as {
            live: number | null;
            totals: Row;
            flow: Row[];
            lifetimes: Row[];
            versions: Row[];
          };
          const pe = pExact as unknown as { live: number; totals: Row; flow: Row[]; lifetimes: Row[]; versions: Row[] };
          const ends = ["withdrawn", "denied", "expired"];
          expectNoSmallCount([{ live: p.live }], ["live"], k, "purpose.live");
          expectNoSmallCount([p.totals], ["started", ...ends, "ended"], k, "totals");
          expectNoSmallCount(p.flow, ["started", ...ends, "live"], k, "flow");
          expectNoSmallCount(p.lifetimes, ends, k, "lifetimes");
          expectNoSmallCount(p.versions, ["live", "started", "ended"], k, "versions");
          const totals: [Row, Row] = [p.totals, pe.totals];
          const pr: Relation[] = [
            rel(totals, "started", zip(p.flow, pe.flow)),
            rel(totals, "started", zip(p.versions, pe.versions)),
            rel(totals, "ended", zip(p.versions, pe.versions)),
            { total: [p.totals, pe.totals, "ended"], parts: ends.map((x) => [p.totals, pe.totals, x]) },
            rel([{ live: p.live }, { live: pe.live }], "live", zip(p.versions, pe.versions)),
          ];
          for (const x of ends) pr.push(rel(totals, x, zip(p.flow, pe.flow)), rel(totals, x, zip(p.lifetimes, pe.lifetimes)));
          pr.forEach((r, i) => expectNotRecoverable(r, `purpose grants relation ${i}`));
          expectCsvSafe(p.flow, ["started", ...ends, "live"], k);
          expectCsvSafe(p.lifetimes, ends, k);
          expectCsvSafe(p.versions, ["live", "started", "ended"], k);

          // The trust dashboard: its one count, the answers behind the indicators.
          const t = suppressTrustDashboard(trust.getTrustDashboard(f, now), k, brandK);
          expectNoSmallCount([t.context as Row], ["answers"], k, "trust.context");
        },
      ),
      { numRuns: 40 },
    );
  });
});
