import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketIndex, trendBuckets, utcDay } from "@/lib/metrics/period";
import { DAY_MS as DAY, addDays } from "@/lib/time";
import type { ConsentEventInput } from "@/lib/consent/events";
import { createTempDatabase } from "../testing/temp-db";
import { endedLifetime, replayLedger, rowsOf } from "../testing/dashboard-reference";

// Every figure the consent dashboards show, from the aggregates, against a direct
// computation over the raw ledger and consent_state. No erasure happens here: it
// deletes a subject's events but keeps the anonymous daily figures, so the raw
// ledger would no longer be the reference (db/subjects/erasure.test.ts covers it).
const temp = createTempDatabase("dashboards");
process.env.DATABASE_PATH = temp.file;

const now = Date.now();
const today = utcDay(now);
const materialAt = now - 100 * DAY;
let client: typeof import("../client");
let analytics: typeof import("./consent-analytics");
let purposeView: typeof import("./consent-purpose");
let ids: Record<string, number>;
let ledger: import("../consent/ledger/record").ConsentLedger;

beforeAll(async () => {
  client = await import("../client");
  analytics = await import("./consent-analytics");
  purposeView = await import("./consent-purpose");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { ConsentLedger } = await import("../consent/ledger/record");
  ids = loadTestCatalog(client.db).purposes;
  // A material change of the newsletter's English notice 100 days ago: grants under version 1 are stale.
  const sql = client.db.$client;
  const notice = (sql.prepare("SELECT id FROM notices WHERE purpose_id = ? AND locale = 'en'").get(ids.newsletter) as { id: number }).id;
  sql.prepare("UPDATE notice_versions SET status = 'superseded' WHERE notice_id = ?").run(notice);
  sql
    .prepare(
      "INSERT INTO notice_versions (notice_id, version, status, title, short_layer, full_text, material, created_at, published_at) VALUES (?, 2, 'published', 't', '{}', 'f', 1, ?, ?)",
    )
    .run(notice, materialAt, materialAt);
  sql.prepare("UPDATE purposes SET material_change_at = ? WHERE id = ?").run(materialAt, ids.newsletter);
  ledger = new ConsentLedger(client.db);
});
afterAll(() => temp.cleanup());

const jurisdictions = ["EU", "US-CA", "KR", "JP"] as const;
const eventArb = fc.record({
  subject: fc.integer({ min: 0, max: 9 }),
  purpose: fc.constantFrom("newsletter", "newsletter", "ad_sharing", "fraud_checks"),
  event: fc.constantFrom("granted", "granted", "denied", "withdrawn" as const),
  channel: fc.option(fc.constantFrom("email", "sms" as const), { nil: undefined }),
  // Most events in the last four months (where periods are), the rest back to grants old enough to expire.
  minutesAgo: fc.oneof(fc.integer({ min: 0, max: 120 * 24 * 60 }), fc.integer({ min: 0, max: 800 * 24 * 60 })),
  source: fc.constantFrom("banner", "api", "preference_center", "call_center" as const),
  locale: fc.constantFrom("en", "ko" as const),
  key: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
});
const filterArb = fc.record({
  endDaysAgo: fc.integer({ min: 0, max: 120 }),
  length: fc.integer({ min: 1, max: 500 }),
  jurisdiction: fc.option(fc.constantFrom(...jurisdictions), { nil: undefined }),
  purpose: fc.option(fc.constantFrom("newsletter", "ad_sharing", "fraud_checks"), { nil: undefined }),
});
const batchArb = fc.record({ size: fc.integer({ min: 1, max: 12 }), gpc: fc.boolean() });
type Ev = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;
type Batch = typeof batchArb extends fc.Arbitrary<infer T> ? T : never;

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

/** Ingests events in time order, in batches (some with GPC), running the expiry job after each batch as the daily cron would. */
function ingest(events: Ev[], batches: Batch[]): void {
  for (const t of tables) client.db.$client.exec(`DELETE FROM ${t}`);
  const sorted = [...events].sort((a, b) => b.minutesAgo - a.minutesAgo);
  let i = 0;
  for (let b = 0; i < sorted.length; b++) {
    const { size, gpc } = batches[b % batches.length];
    const batch = sorted.slice(i, i + size);
    i += size;
    const last = now - batch.at(-1)!.minutesAgo * 60_000;
    ledger.record(
      batch.map((e): ConsentEventInput => {
        const at = now - e.minutesAgo * 60_000;
        return {
          subject: { externalId: `S${e.subject}`, jurisdiction: jurisdictions[e.subject % 4], locale: e.locale },
          purpose: e.purpose,
          event: e.purpose === "fraud_checks" && e.event === "granted" ? "withdrawn" : e.event,
          channel: e.purpose === "newsletter" ? e.channel : undefined,
          source: e.source,
          locale: e.locale,
          occurredAt: new Date(at).toISOString(),
          idempotencyKey: e.key ? `k${e.key}` : undefined,
          noticeVersion: at < materialAt ? 1 : undefined,
        };
      }),
      { gpc, now: last + 1 },
    );
    ledger.expire(last + 1);
  }
}

type Counts = { granted: number; denied: number; withdrawn: number; expired: number; gpc: number; gpcGranted: number };
const zero = (): Counts => ({ granted: 0, denied: 0, withdrawn: 0, expired: 0, gpc: 0, gpcGranted: 0 });
// GPC is an opt-out of sale and sharing: only ad_sharing's events count.
const add = (c: Counts, r: { purposeId: number; event: string; gpc: number; n: number }) => {
  c[r.event as "granted"] += r.n;
  const sale = r.gpc && r.purposeId === ids.ad_sharing;
  if (sale) c.gpc += r.n;
  if (sale && r.event === "granted") c.gpcGranted += r.n;
  return c;
};
const pick = (c: Counts & Record<string, unknown>): Counts => ({
  granted: c.granted,
  denied: c.denied,
  withdrawn: c.withdrawn,
  expired: c.expired,
  gpc: c.gpc,
  gpcGranted: c.gpcGranted,
});

describe("consent dashboards", () => {
  it("match a direct computation over the ledger and consent_state after random ingestion, replays, GPC and expiry", () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 160, size: "max" }),
        fc.array(batchArb, { minLength: 1, maxLength: 5 }),
        filterArb,
        (events, batches, q) => {
          ingest(events, batches);
          const to = addDays(today, -q.endDaysAgo);
          const period = { from: addDays(to, -(q.length - 1)), to };
          const f = { period, jurisdiction: q.jurisdiction, purposeId: q.purpose ? ids[q.purpose] : undefined };
          const got = analytics.getConsentAnalytics(f, today);
          const db = client.db;
          const where = `${q.jurisdiction ? ` AND jurisdiction = '${q.jurisdiction}'` : ""}${f.purposeId ? ` AND purpose_id = ${f.purposeId}` : ""}`;
          const raw = rowsOf<{
            day: string;
            purposeId: number;
            jurisdiction: string;
            source: string;
            locale: string;
            channel: string;
            event: string;
            gpc: number;
            n: number;
          }>(
            db,
            `SELECT strftime('%Y-%m-%d', occurred_at / 1000, 'unixepoch') AS day, purpose_id AS purposeId, jurisdiction, source, locale, COALESCE(channel, '') AS channel, event, gpc, COUNT(*) AS n
           FROM consent_events WHERE strftime('%Y-%m-%d', occurred_at / 1000, 'unixepoch') BETWEEN ? AND ?${where} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
            period.from,
            period.to,
          );
          const total = raw.reduce(add, zero());
          expect(pick(got.summary)).toEqual(total);
          const buckets = trendBuckets(period);
          const trend = buckets.map(zero);
          for (const r of raw) add(trend[bucketIndex(buckets, r.day)], r);
          expect(got.trend.map(pick)).toEqual(trend);
          for (const dim of ["jurisdiction", "source", "locale", "channel"] as const) {
            const want = new Map<string, Counts>();
            for (const r of raw) want.set(r[dim], add(want.get(r[dim]) ?? zero(), r));
            expect(new Map(got.splits[dim].map((s) => [s.value, pick(s)]))).toEqual(want);
          }
          const sw = `${q.jurisdiction ? ` AND s.jurisdiction = '${q.jurisdiction}'` : ""}${f.purposeId ? ` AND cs.purpose_id = ${f.purposeId}` : ""}`;
          const stock = rowsOf<{ purposeId: number; live: number; decided: number; stale: number; expiring: number }>(
            db,
            `SELECT cs.purpose_id AS purposeId, SUM(cs.state = 'granted') AS live, COUNT(*) AS decided,
                  SUM(cs.state = 'granted' AND v.published_at < p.material_change_at) AS stale,
                  SUM(cs.state = 'granted' AND strftime('%Y-%m-%d', cs.expires_at / 1000, 'unixepoch') BETWEEN ? AND ?) AS expiring
           FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id JOIN notice_versions v ON v.id = cs.notice_version_id JOIN purposes p ON p.id = cs.purpose_id
           WHERE 1 = 1${sw} GROUP BY 1`,
            today,
            addDays(today, analytics.EXPIRING_WITHIN_DAYS),
          );
          const sum = (k: "live" | "decided" | "stale" | "expiring") => stock.reduce((a, r) => a + r[k], 0);
          expect([got.summary.live, got.summary.decided, got.summary.stale, got.summary.expiring]).toEqual([
            sum("live"),
            sum("decided"),
            sum("stale"),
            sum("expiring"),
          ]);
          for (const p of got.purposes) {
            const s = stock.find((r) => r.purposeId === ids[p.key]);
            expect([p.live, p.decided, p.stale, p.expiring]).toEqual([s?.live ?? 0, s?.decided ?? 0, s?.stale ?? 0, s?.expiring ?? 0]);
            const c = raw.filter((r) => r.purposeId === ids[p.key]).reduce(add, zero());
            expect(pick(p)).toEqual(c);
          }
          // Live grants at the end of each trend point: each pair's state after its last change on or before that day.
          const changes = replayLedger(db).filter(
            (t) => (!q.jurisdiction || t.jurisdiction === q.jurisdiction) && (!f.purposeId || t.purposeId === f.purposeId),
          );
          const liveAt = (end: string) => {
            const last = new Map<string, string>();
            for (const t of changes) if (t.day <= end) last.set(t.pair, t.to);
            return [...last.values()].filter((s) => s === "granted").length;
          };
          expect(got.trend.map((t) => t.live)).toEqual(buckets.map((b) => liveAt(b.end)));

          // One purpose's grants over time, against the replay.
          const key = q.purpose ?? "newsletter";
          const view = purposeView.getPurposeGrants({ ...f, purposeId: ids[key] }, { key, name: key });
          const mine = replayLedger(db).filter((t) => t.purposeId === ids[key] && (!q.jurisdiction || t.jurisdiction === q.jurisdiction));
          const inPeriod = mine.filter((t) => t.day >= period.from && t.day <= period.to);
          const starts = inPeriod.filter((t) => t.to === "granted" && t.from !== "granted");
          const ends = inPeriod.filter((t) => t.from === "granted" && t.to !== "granted");
          expect(view.flow.map((p) => p.started)).toEqual(
            buckets.map((b) => starts.filter((t) => t.day >= b.start && t.day <= b.end).length),
          );
          for (const kind of ["withdrawn", "denied", "expired"] as const) {
            expect(view.flow.map((p) => p[kind])).toEqual(
              buckets.map((b) => ends.filter((t) => t.to === kind && t.day >= b.start && t.day <= b.end).length),
            );
            expect(view.lifetimes.map((l) => l[kind])).toEqual(
              view.lifetimes.map((_, i) => ends.filter((t) => t.to === kind && endedLifetime(t) === i).length),
            );
          }
          const liveByVersion = rowsOf<{ v: number; n: number }>(
            db,
            `SELECT cs.notice_version_id AS v, COUNT(*) AS n FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id
           WHERE cs.state = 'granted' AND cs.purpose_id = ?${q.jurisdiction ? ` AND s.jurisdiction = '${q.jurisdiction}'` : ""} GROUP BY 1`,
            ids[key],
          );
          for (const v of view.versions) {
            expect(v.live).toBe(liveByVersion.find((r) => r.v === v.noticeVersionId)?.n ?? 0);
            expect(v.started).toBe(starts.filter((t) => t.next.noticeVersionId === v.noticeVersionId).length);
            expect(v.ended).toBe(ends.filter((t) => t.prev!.noticeVersionId === v.noticeVersionId).length);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
