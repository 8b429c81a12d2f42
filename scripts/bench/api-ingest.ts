// Consent ingest through the public API: one event per request, and 1,000-event batches.
// Events carry idempotency keys, so the fair limit is keyed raw inserts into the same store ("limit.raw-insert.keyed.store").
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { insertApiKey } from "@/db/staff/api-keys";
import { databasePath, openDatabase } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";
import { noticeVersions, notices, purposes, subjects } from "@/db/schema";
import { ensureDemoData } from "../ensure-demo-data";
import type { Measurement } from "../bench";
import { measureIngestStages, stageMetrics } from "./ingest-stages";

const SUBJECTS = 10_000;

export type IngestSetup = {
  key: string;
  purposes: { key: string; channels: string[] }[];
  subjects: { externalId: string; jurisdiction: string }[];
};

/**
 * Readies the store the server will serve: migrated, the demo loaded if it is empty, and a
 * fresh secret key. Runs before the server starts, because loading the demo replaces the file.
 */
export async function prepareIngest(file = databasePath()): Promise<IngestSetup> {
  migrateDatabase(file);
  await ensureDemoData(file);
  const db = openDatabase(file);
  try {
    const { plaintext } = insertApiKey(
      db,
      { name: `bench ${new Date().toISOString()}`, kind: "secret", allowedOrigins: [] },
      { id: null, email: "bench" },
    );
    // Consent purposes with a published English notice: every generated event is one the ledger accepts.
    const rows = db
      .selectDistinct({ key: purposes.key, channels: purposes.channels })
      .from(purposes)
      .innerJoin(notices, and(eq(notices.purposeId, purposes.id), eq(notices.locale, "en")))
      .innerJoin(noticeVersions, and(eq(noticeVersions.noticeId, notices.id), eq(noticeVersions.status, "published")))
      .where(and(eq(purposes.status, "active"), eq(purposes.legalBasis, "consent")))
      .all();
    if (rows.length === 0) throw new Error(`no active consent purpose with a published notice in ${file}`);
    // Known customers, as the raw-insert limit writes for existing subjects; adults, so no grant needs a guardian.
    const pool = db
      .select({ externalId: subjects.externalId, jurisdiction: subjects.jurisdiction })
      .from(subjects)
      .where(and(eq(subjects.isMinor, false), isNotNull(subjects.externalId)))
      .orderBy(sql`random()`)
      .limit(SUBJECTS)
      .all() as IngestSetup["subjects"];
    if (pool.length === 0) throw new Error(`no adult subject with an external id in ${file}`);
    return { key: plaintext, purposes: rows, subjects: pool };
  } finally {
    db.$client.close();
  }
}

const EVENTS = ["granted", "granted", "denied", "withdrawn"] as const;

/** Makes events like the raw-insert limit's: random purpose, event and channel over a pool of existing subjects. */
export function eventMaker(setup: IngestSetup) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
  return () => {
    const purpose = pick(setup.purposes);
    return {
      subject: pick(setup.subjects),
      purpose: purpose.key,
      event: pick(EVENTS),
      ...(purpose.channels.length && Math.random() < 0.5 ? { channel: pick(purpose.channels) } : {}),
      source: "import",
      idempotencyKey: randomUUID(),
    };
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
}

export type SingleIngestResult = {
  eventsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
};

/** POST /api/v1/consents under constant load, each request a new event with its own idempotency key. */
export async function measureSingleIngest(o: {
  baseUrl: string;
  setup: IngestSetup;
  seconds: number;
  connections: number;
}): Promise<SingleIngestResult> {
  const next = eventMaker(o.setup);
  const fire = (seconds: number, onLatency?: (ms: number) => void) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${o.baseUrl}/api/v1/consents`,
          duration: seconds,
          connections: o.connections,
          requests: [
            {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${o.setup.key}` },
              setupRequest: (request) => ({ ...request, body: JSON.stringify(next()) }),
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (onLatency) instance.on("response", (_client, _status, _bytes, ms) => onLatency(ms));
    });
  await fire(2);
  const latencies: number[] = [];
  const result = await fire(o.seconds, (ms) => latencies.push(ms));
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: result.requests.average,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export type BatchIngestResult = { eventsPerSecond: number; batches: number; events: number; failedBatches: number; p95BatchMs: number };

/**
 * POST /api/v1/consents/batch with 1,000-event batches from a few concurrent clients for
 * `seconds`; only events the server answers as stored are counted.
 */
export async function measureBatchIngest(o: {
  baseUrl: string;
  setup: IngestSetup;
  seconds: number;
  connections: number;
  batchSize?: number;
  /** The events to send, one per call (default: eventMaker's random ones). */
  next?: () => unknown;
}): Promise<BatchIngestResult> {
  const next = o.next ?? eventMaker(o.setup);
  const size = o.batchSize ?? 1_000;
  const headers = { "content-type": "application/json", authorization: `Bearer ${o.setup.key}` };
  const post = async () => {
    const body = JSON.stringify({ events: Array.from({ length: size }, next) });
    const started = performance.now();
    const response = await fetch(`${o.baseUrl}/api/v1/consents/batch`, { method: "POST", headers, body });
    const answer = (await response.json()) as { stored?: number };
    return { ms: performance.now() - started, stored: response.status === 200 ? (answer.stored ?? 0) : 0 };
  };
  for (let i = 0; i < 3; i++) await post(); // warm-up: route loading and JIT stay out of the figure
  const latencies: number[] = [];
  let events = 0;
  let failedBatches = 0;
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (performance.now() < deadline) {
        const r = await post();
        latencies.push(r.ms);
        events += r.stored;
        if (r.stored !== size) failedBatches++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { eventsPerSecond: events / seconds, batches: latencies.length, events, failedBatches, p95BatchMs: percentile(latencies, 95) };
}

let setup: IngestSetup | undefined;

/**
 * Single-event and batch ingest through HTTP, as ratios to keyed raw inserts into a copy of the
 * same store (like with like: the same size, so the same random index pages per event); the
 * batch figure is also shown against the fresh-database limit, for reference.
 */
export const apiIngest: Measurement = {
  name: "api-ingest",
  needsServer: true,
  prepare: async () => {
    setup = await prepareIngest();
  },
  run: async ({ options, server }) => {
    if (!setup) throw new Error("the store was not prepared (no API key)");
    const { baseUrl } = await server();
    // Where one event's time goes, one at a time (no queueing), before the load figures.
    const stages = await measureIngestStages({ baseUrl, setup, next: eventMaker(setup), requests: 1_000 });
    const single = await measureSingleIngest({ baseUrl, setup, seconds: options.seconds, connections: options.connections });
    // Two clients are enough to keep one Node server busy: while one batch is written the next is on the wire.
    const batch = await measureBatchIngest({ baseUrl, setup, seconds: options.seconds, connections: Math.min(2, options.connections) });
    const limit = "limit.raw-insert.keyed.store";
    const batchDetails = {
      route: "POST /api/v1/consents/batch",
      batchSize: 1_000,
      batches: batch.batches,
      events: batch.events,
      p95BatchMs: batch.p95BatchMs,
    };
    return [
      ...stageMetrics(stages),
      {
        name: "candor.ingest.single",
        value: single.eventsPerSecond,
        unit: "events/s",
        // Issue 22: a single event costs little more than the framework's own no-op (run with --connections 20).
        ratioTo: "limit.noop-route",
        target: { min: 0.6 },
        details: { route: "POST /api/v1/consents", connections: options.connections, requests: single.requests, errors: single.errors },
      },
      { name: "candor.ingest.single.vs-store", value: single.eventsPerSecond, unit: "events/s", ratioTo: limit },
      { name: "candor.ingest.single.p50", value: single.p50Ms, unit: "ms" },
      { name: "candor.ingest.single.p95", value: single.p95Ms, unit: "ms", target: { max: 20 } },
      // Every generated event is valid: anything but 201 means the figure counts failures.
      { name: "candor.ingest.single.non-2xx", value: single.non2xx, unit: "responses", target: { max: 0 } },
      {
        name: "candor.ingest.batch",
        value: batch.eventsPerSecond,
        unit: "events/s",
        ratioTo: limit,
        target: { min: 0.5 },
        details: batchDetails,
      },
      {
        name: "candor.ingest.batch.vs-fresh",
        value: batch.eventsPerSecond,
        unit: "events/s",
        ratioTo: "limit.raw-insert.keyed",
        details: batchDetails,
      },
      { name: "candor.ingest.batch.failed", value: batch.failedBatches, unit: "batches", target: { max: 0 } },
    ];
  },
};
