import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodWindow, previousPeriod, trendBuckets, utcDay, type Bucket } from "@/lib/metrics/period";
import { DAY_MS as DAY, addDays } from "@/lib/time";
import { openRequestStatuses, requestStatuses } from "@/lib/requests/vocabulary";
import { versionIsPlain } from "@/lib/metrics/notice-quality";
import { slaBands } from "@/lib/metrics/request-figures";
import { trustScore } from "@/lib/metrics/trust-score";
import { createTempDatabase } from "../testing/temp-db";
import { rowsOf } from "../testing/dashboard-reference";

// The trust and privacy-operations figures against direct SQL over subject_requests,
// request_events, notice_versions and the ledger.
const temp = createTempDatabase("dashboards-requests");
process.env.DATABASE_PATH = temp.file;

const now = Date.now();
const today = utcDay(now);
let client: typeof import("../client");
let trust: typeof import("./trust");
let ops: typeof import("./privacy-ops");
let ids: Record<string, number>;

beforeAll(async () => {
  client = await import("../client");
  trust = await import("./trust");
  ops = await import("./privacy-ops");
  const { loadTestCatalog } = await import("../testing/catalog");
  ids = loadTestCatalog(client.db).purposes;
});
afterAll(() => temp.cleanup());

const flow = openRequestStatuses;
/** The open statuses as an SQL list, for the reference queries. */
const OPEN = openRequestStatuses.map((s) => `'${s}'`).join(", ");
const requestArb = fc.record({
  type: fc.constantFrom("access", "deletion", "opt_out_sale", "rectification"),
  jurisdiction: fc.constantFrom("EU", "US-CA", "KR"),
  receivedDaysAgo: fc.float({ min: 0, max: 200, noNaN: true }),
  dueDays: fc.integer({ min: 5, max: 45 }),
  steps: fc.array(fc.float({ min: Math.fround(0.01), max: 20, noNaN: true }), { minLength: 0, maxLength: 3 }),
  end: fc.constantFrom("completed", "rejected", null),
});
const noticeArb = fc.record({
  purpose: fc.constantFrom("newsletter", "ad_sharing"),
  locale: fc.constantFrom("en", "ko"),
  daysAgo: fc.integer({ min: 0, max: 700 }),
  plain: fc.boolean(),
});
const consentArb = fc.record({
  subject: fc.integer({ min: 0, max: 5 }),
  purpose: fc.constantFrom("newsletter", "ad_sharing"),
  event: fc.constantFrom("granted", "denied", "withdrawn" as const),
  daysAgo: fc.integer({ min: 0, max: 150 }),
  gpc: fc.boolean(),
});
const filterArb = fc.record({
  endDaysAgo: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 1, max: 120 }),
  jurisdiction: fc.option(fc.constantFrom("EU", "US-CA", "KR"), { nil: undefined }),
});
type Req = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

const longEn =
  "Notwithstanding any contractual arrangements previously communicated to you, personal information may be processed by affiliated organizations and various commercial intermediaries indefinitely.";

function load(requests: Req[], notices: (typeof noticeArb extends fc.Arbitrary<infer T> ? T : never)[]) {
  const sql = client.db.$client;
  sql.exec("DELETE FROM request_events; DELETE FROM subject_requests;");
  const insert = sql.prepare(
    "INSERT INTO subject_requests (ref, type, status, jurisdiction, intake, received_at, due_at, closed_at, created_at) VALUES (?, ?, ?, ?, 'api', ?, ?, ?, ?) RETURNING id",
  );
  const event = sql.prepare("INSERT INTO request_events (request_id, at, kind, from_status, to_status) VALUES (?, ?, 'status', ?, ?)");
  requests.forEach((r, i) => {
    const received = now - r.receivedDaysAgo * DAY;
    let at = received;
    const changes: [number, string | null, string][] = [[at, null, "received"]];
    r.steps.forEach((d, s) => {
      at += d * DAY;
      changes.push([at, flow[s], r.end && s === r.steps.length - 1 ? r.end : (flow[s + 1] ?? r.end ?? "in_progress")]);
    });
    const done = changes.filter(([t]) => t <= now);
    const last = done.at(-1)!;
    const closed = last[2] === "completed" || last[2] === "rejected" ? last[0] : null;
    const { id } = insert.get(`REQ-${i}`, r.type, last[2], r.jurisdiction, received, received + r.dueDays * DAY, closed, received) as {
      id: number;
    };
    for (const [t, from, to] of done) event.run(id, t, from, to);
  });
  const notice = sql.prepare("SELECT id FROM notices WHERE purpose_id = ? AND locale = ?");
  const maxVersion = sql.prepare("SELECT COALESCE(MAX(version), 0) AS v FROM notice_versions WHERE notice_id = ?");
  const add = sql.prepare(
    "INSERT INTO notice_versions (notice_id, version, status, title, short_layer, full_text, material, created_at, published_at) VALUES (?, ?, 'superseded', 't', ?, 'f', 0, ?, ?)",
  );
  for (const n of notices) {
    const nid = (notice.get(ids[n.purpose], n.locale) as { id: number }).id;
    const layer =
      n.locale === "en"
        ? { why: n.plain ? "We send you news." : longEn }
        : { why: n.plain ? "소식을 보내 드립니다." : "가".repeat(90) + "." };
    const at = now - n.daysAgo * DAY;
    add.run(nid, (maxVersion.get(nid) as { v: number }).v + 1, JSON.stringify(layer), at, at);
  }
}

const rawMedian = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const median = (xs: number[]) => {
  const m = rawMedian(xs);
  return m === null ? null : Math.round(m * 10) / 10;
};
const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 10 : null);

/** Every trust indicator for a span, straight from the raw tables. */
function direct(span: Bucket, jurisdiction?: string) {
  const w = periodWindow(span);
  const at = Math.min(now, w.end);
  const j = jurisdiction ? ` AND jurisdiction = '${jurisdiction}'` : "";
  const db = client.db;
  const closed = rowsOf<{ d: number; ok: number }>(
    db,
    `SELECT (closed_at - received_at) / ${DAY}.0 AS d, closed_at <= due_at AS ok FROM subject_requests WHERE closed_at >= ? AND closed_at < ?${j}`,
    w.start,
    w.end,
  );
  const open = rowsOf<{ open: number; overdue: number }>(
    db,
    `SELECT COUNT(*) AS open, COALESCE(SUM(due_at < ?), 0) AS overdue FROM subject_requests WHERE received_at <= ? AND (closed_at IS NULL OR closed_at > ?)${j}`,
    at,
    at,
    at,
  )[0];
  const inForce = rowsOf<{ id: number; purposeId: number; locale: string; publishedAt: number; shortLayer: string }>(
    db,
    `SELECT v.id, n.purpose_id AS purposeId, n.locale, v.published_at AS publishedAt, v.short_layer AS shortLayer FROM notice_versions v JOIN notices n ON n.id = v.notice_id
     WHERE v.published_at <= ? AND NOT EXISTS (SELECT 1 FROM notice_versions w WHERE w.notice_id = v.notice_id AND w.published_at <= ? AND (w.published_at > v.published_at OR (w.published_at = v.published_at AND w.id > v.id)))`,
    at,
    at,
  );
  const plain = inForce.filter((v) => versionIsPlain({ ...v, shortLayer: JSON.parse(v.shortLayer) })).length;
  const consent = rowsOf<{ granted: number; denied: number; withdrawn: number; gpc: number; gpcGranted: number }>(
    db,
    `SELECT COALESCE(SUM(event = 'granted'), 0) AS granted, COALESCE(SUM(event = 'denied'), 0) AS denied, COALESCE(SUM(event = 'withdrawn'), 0) AS withdrawn,
            COALESCE(SUM(gpc AND purpose_id = ${ids.ad_sharing}), 0) AS gpc, COALESCE(SUM(gpc AND purpose_id = ${ids.ad_sharing} AND event = 'granted'), 0) AS gpcGranted
     FROM consent_events WHERE occurred_at >= ? AND occurred_at < ?${j}`,
    w.start,
    w.end,
  )[0];
  return {
    optInRate: pct(consent.granted, consent.granted + consent.denied),
    withdrawalRate: pct(consent.withdrawn, consent.granted),
    gpcHonoured: pct(consent.gpc - consent.gpcGranted, consent.gpc),
    onTime: pct(closed.filter((c) => c.ok).length, closed.length),
    medianDaysToClose: median(closed.map((c) => c.d)),
    overdue: open.overdue,
    open: open.open,
    plainNotices: pct(plain, inForce.length),
    freshNotices: pct(inForce.filter((v) => v.publishedAt >= at - 365 * DAY).length, inForce.length),
    // No incident is recorded in this store: no breach duty falls due.
    breachDutiesOnTime: null,
  };
}

describe("trust and privacy-operations dashboards", () => {
  it("match direct SQL over requests, request events, notices and the ledger", async () => {
    const { ConsentLedger } = await import("../consent/ledger/record");
    const ledger = new ConsentLedger(client.db);
    fc.assert(
      fc.property(
        fc.array(requestArb, { maxLength: 60, size: "max" }),
        fc.array(noticeArb, { maxLength: 6 }),
        fc.array(consentArb, { maxLength: 30 }),
        filterArb,
        (requests, notices, consent, q) => {
          load(requests, notices);
          for (const c of consent)
            ledger.record(
              [
                {
                  subject: { externalId: `T${c.subject}`, jurisdiction: "US-CA" },
                  purpose: c.purpose,
                  event: c.event,
                  source: "api",
                  occurredAt: new Date(now - c.daysAgo * DAY - 1000).toISOString(),
                },
              ],
              { gpc: c.gpc, now: now - c.daysAgo * DAY },
            );
          const to = addDays(today, -q.endDaysAgo);
          const period = { from: addDays(to, -(q.length - 1)), to };
          const got = trust.getTrustDashboard({ period, jurisdiction: q.jurisdiction }, now);
          const span = (p: { from: string; to: string }) => ({ start: p.from, end: p.to });
          const cur = direct(span(period), q.jurisdiction);
          const prev = direct(span(previousPeriod(period)), q.jurisdiction);
          for (const i of got.indicators) {
            expect([i.id, i.value, i.previous]).toEqual([i.id, cur[i.id], prev[i.id]]);
            expect(i.trend).toEqual(trendBuckets(period).map((b) => direct(b, q.jurisdiction)[i.id]));
          }
          expect(got.score).toBe(trustScore(cur));

          const o = ops.getPrivacyOps({ period, jurisdiction: q.jurisdiction }, now);
          const w = periodWindow(period);
          const j = q.jurisdiction ? ` AND jurisdiction = '${q.jurisdiction}'` : "";
          const volume = rowsOf<{ type: string; status: string; n: number }>(
            client.db,
            `SELECT type, status, COUNT(*) AS n FROM subject_requests WHERE received_at >= ? AND received_at < ?${j} GROUP BY 1, 2`,
            w.start,
            w.end,
          );
          for (const row of o.volume)
            for (const s of requestStatuses) expect(row[s]).toBe(volume.find((v) => v.type === row.type && v.status === s)?.n ?? 0);
          expect(o.summary.received).toBe(volume.reduce((a, v) => a + v.n, 0));
          const day = (col: string) =>
            rowsOf<{ d: string; n: number }>(
              client.db,
              `SELECT strftime('%Y-%m-%d', ${col} / 1000, 'unixepoch') AS d, COUNT(*) AS n FROM subject_requests WHERE ${col} >= ? AND ${col} < ?${j} GROUP BY 1`,
              w.start,
              w.end,
            );
          const inBucket = (rows: { d: string; n: number }[], b: Bucket) =>
            rows.filter((r) => r.d >= b.start && r.d <= b.end).reduce((a, r) => a + r.n, 0);
          expect(o.trend.map((t) => [t.received, t.closed])).toEqual(
            o.trend.map((b) => [inBucket(day("received_at"), b), inBucket(day("closed_at"), b)]),
          );
          const bands = rowsOf<{ band: string; n: number }>(
            client.db,
            `SELECT CASE WHEN due_at < ? THEN 'overdue' WHEN due_at <= ? THEN 'due-3d' WHEN due_at <= ? THEN 'due-7d' WHEN due_at <= ? THEN 'due-14d' ELSE 'later' END AS band, COUNT(*) AS n
           FROM subject_requests WHERE status IN (${OPEN})${j} GROUP BY 1`,
            now,
            now + 3 * DAY,
            now + 7 * DAY,
            now + 14 * DAY,
          );
          expect(o.sla).toEqual(slaBands.map((band) => ({ band, count: bands.find((b) => b.band === band)?.n ?? 0 })));
          const overdue = rowsOf<{ ref: string }>(
            client.db,
            `SELECT ref FROM subject_requests WHERE status IN (${OPEN}) AND due_at < ?${j} ORDER BY due_at, id LIMIT 50`,
            now,
          );
          expect(o.overdue.map((r) => r.ref)).toEqual(overdue.map((r) => r.ref));
          const stays = rowsOf<{ stage: string; d: number }>(
            client.db,
            `SELECT stage, d FROM (SELECT e.request_id, LAG(e.to_status) OVER (PARTITION BY e.request_id ORDER BY e.at) AS stage,
                  (e.at - LAG(e.at) OVER (PARTITION BY e.request_id ORDER BY e.at)) / ${DAY}.0 AS d, e.at AS at, r.jurisdiction
                  FROM request_events e JOIN subject_requests r ON r.id = e.request_id WHERE e.kind = 'status')
           WHERE stage IN (${OPEN}) AND at >= ? AND at < ?${j}`,
            w.start,
            w.end,
          );
          expect(o.stages).toEqual(
            openRequestStatuses.map((stage) => {
              const ds = stays.filter((s) => s.stage === stage).map((s) => s.d);
              // Not rounded: the chart reads the medians in hours or days (lib/metrics/duration-axis).
              return { stage, median: rawMedian(ds), count: ds.length };
            }),
          );
        },
      ),
      { numRuns: 30, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31), path: process.env.FC_PATH },
    );
  });
});
