// npm run bench [-- --seconds 10 --connections 10 --rows 200000 --skip-http --stores data/bench-1m/candor.db,data/bench-10m/candor.db
//   --mixed-seconds 60 --only noop-route,mixed-load]
// Measures the limits (raw SQLite insert rate, a no-op Next route) and Candor's own figures in one
// run, so ratios between them hold on whatever machine runs it.
import { parseArgs } from "node:util";
import { z } from "zod";
import { measureRawInsert, measureRawInsertIntoStore, sqliteVersion } from "./bench/raw-insert";
import { buildApp, hasBuild, measureLoad, startServer, stopServer, type RunningServer } from "./bench/http";
import { formatTable, machineInfo, scoreMetrics, writeReport, type BenchReport, type Metric } from "./bench/report";
import { widgetSize } from "./bench/widget-size";
import { apiIngest } from "./bench/api-ingest";
import { dashboards } from "./bench/dashboards";
import { search } from "./bench/search";
import { subjectLifecycle } from "./bench/subject-lifecycle";
import { incidentAffected } from "./bench/incident-affected";
import { mixedLoad } from "./bench/mixed-load";
import { propagation } from "./bench/propagation";
import { httpSqlite } from "./bench/http-sqlite";
import { busyWriter } from "./bench/busy-writer";
import { ensureDemoData } from "./ensure-demo-data";
import { databasePath } from "@/db/connection";
import { migrateDatabase } from "@/db/migrate";

const optionsSchema = z.object({
  seconds: z.coerce.number().int().min(1).max(600).default(10),
  connections: z.coerce.number().int().min(1).max(1_000).default(10),
  rows: z.coerce.number().int().min(1_000).max(10_000_000).default(200_000),
  skipHttp: z.boolean().default(false),
  /** Stores for the measurements compared across ledger sizes (e.g. 1M and 10M events); default: DATABASE_PATH. */
  stores: z.array(z.string().min(1)).default([]),
  /** Length of the mixed load (ingest, preference-center and dashboard reads at once). */
  mixedSeconds: z.coerce.number().int().min(1).max(600).default(60),
  /** Run only these measurements (and nothing else): e.g. --only mixed-load. */
  only: z.array(z.string().min(1)).default([]),
});
export type BenchOptions = z.infer<typeof optionsSchema>;

// Measurement modules take these with `import type`: a value import of this file would start a run.
export type BenchContext = {
  options: BenchOptions;
  /** The production server, built and started on first call and shared by every measurement. */
  server: () => Promise<RunningServer>;
  /** A metric an earlier measurement produced, for measurements that size their work from it. */
  metric: (name: string) => Metric | undefined;
};

export type Measurement = {
  name: string;
  /** Skipped under --skip-http. */
  needsServer?: boolean;
  /** Runs before any measurement, so before the server starts: e.g. to ready the store it will open. */
  prepare?: (ctx: BenchContext) => Promise<void> | void;
  run: (ctx: BenchContext) => Promise<Metric[]> | Metric[];
};

// Limits first: Candor's figures declare `ratioTo: "<limit name>"` and a target, e.g.
//   { name: "candor.ingest", value, unit: "events/s", ratioTo: "limit.raw-insert", target: { min: 0.25 } }
//   (ratioTo "limit.raw-insert.keyed" instead when the posted events carry idempotency keys)
//   { name: "candor.dashboard.p95", value, unit: "ms", ratioTo: "limit.noop-route.p95" }
//   { name: "candor.widget", value, unit: "KB gzip", target: { max: 8 } }
const measurements: Measurement[] = [
  {
    name: "raw-insert",
    // Two limits on fresh databases, because random idempotency keys cost a second B-tree insert each
    // and cut the rate by roughly 3× here: compare an ingest figure with the one that matches whether
    // its events carry keys. A third writes keyed events into a copy of the measured store itself: at
    // 10M events that is the ceiling an ingest into that store can approach.
    prepare: async () => {
      migrateDatabase(databasePath());
      await ensureDemoData(databasePath());
    },
    run: async ({ options }) => {
      const metrics: Metric[] = [];
      for (const idempotencyKeys of [false, true]) {
        const result = await measureRawInsert({ rows: options.rows, idempotencyKeys });
        const name = idempotencyKeys ? "limit.raw-insert.keyed" : "limit.raw-insert";
        metrics.push({
          name,
          value: result.eventsPerSecond,
          unit: "events/s",
          details: { runEventsPerSecond: result.runEventsPerSecond, ...result.options },
        });
      }
      const store = await measureRawInsertIntoStore({ rows: options.rows, idempotencyKeys: true });
      metrics.push({
        name: "limit.raw-insert.keyed.store",
        value: store.eventsPerSecond,
        unit: "events/s",
        // How much of the fresh-database rate a store of this size still allows.
        ratioTo: "limit.raw-insert.keyed",
        details: { runEventsPerSecond: store.runEventsPerSecond, storeEvents: store.storeEvents, ...store.options },
      });
      return metrics;
    },
  },
  widgetSize,
  // Before anything starts the server: the export and erasure timings must not share the disk
  // with the server's checkpointer still writing back an ingest run's WAL.
  subjectLifecycle,
  // In process, before the server starts, like the lifecycle: the selection is the store's work.
  incidentAffected,
  {
    name: "noop-route",
    needsServer: true,
    run: async ({ options, server }) => {
      const { baseUrl } = await server();
      const load = { seconds: options.seconds, connections: options.connections };
      const r = await measureLoad({ url: `${baseUrl}/api/ping`, ...load });
      const details = { route: "GET /api/ping", ...load, requests: r.requests, timeouts: r.timeouts };
      return [
        { name: "limit.noop-route", value: r.requestsPerSecond, unit: "req/s", details },
        { name: "limit.noop-route.p50", value: r.p50Ms, unit: "ms" },
        { name: "limit.noop-route.p95", value: r.p95Ms, unit: "ms" },
        { name: "limit.noop-route.p99", value: r.p99Ms, unit: "ms" },
        // A no-op that answers anything but 204 means a proxy or config is in the way: the limit is wrong.
        { name: "limit.noop-route.non-2xx", value: r.non2xx, unit: "responses", target: { max: 0 } },
        { name: "limit.noop-route.errors", value: r.errors, unit: "errors", target: { max: 0 } },
      ];
    },
  },
  // A plain node:http server inserting one keyed row per request: the limit beside the no-op route.
  httpSqlite,
  dashboards,
  search,
  apiIngest,
  propagation,
  // After api-ingest: the mixed load offers 80% of the single-event capacity it measured.
  mixedLoad,
  busyWriter,
];

function badFlags(message: string): never {
  console.error(
    `bench: bad flags\n${message}\nusage: npm run bench -- [--seconds N] [--connections N] [--rows N] [--skip-http] [--stores a.db,b.db] [--mixed-seconds N] [--only a,b]`,
  );
  process.exit(2);
}

function parseOptions(): BenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        seconds: { type: "string" },
        connections: { type: "string" },
        rows: { type: "string" },
        "skip-http": { type: "boolean" },
        stores: { type: "string" },
        "mixed-seconds": { type: "string" },
        only: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    badFlags(error instanceof Error ? error.message : String(error));
  }
  const stores =
    typeof values.stores === "string"
      ? values.stores
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  const only =
    typeof values.only === "string"
      ? values.only
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  const parsed = optionsSchema.safeParse({ ...values, skipHttp: values["skip-http"], stores, mixedSeconds: values["mixed-seconds"], only });
  if (!parsed.success) badFlags(z.prettifyError(parsed.error));
  return parsed.data;
}

const log = (message: string) => console.error(`bench: ${message}`);

async function main(): Promise<number> {
  const options = parseOptions();
  const startedAt = new Date().toISOString();
  const metrics: Metric[] = [];
  const skipped: BenchReport["skipped"] = [];
  const failures: BenchReport["failures"] = [];

  let serverPromise: Promise<RunningServer> | undefined;
  let running: RunningServer | undefined;
  const server = () =>
    (serverPromise ??= (async () => {
      if (!hasBuild()) {
        log("no production build found, running `npm run build`");
        await buildApp();
      }
      running = await startServer();
      log(`the server is answering on ${running.baseUrl}`);
      return running;
    })());
  // The server runs in its own process group, so Ctrl-C would not reach it on its own.
  const onSignal = (signal: NodeJS.Signals) => {
    if (running?.child.pid) process.kill(-running.child.pid, "SIGKILL");
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const ctx: BenchContext = { options, server, metric: (name) => metrics.find((m) => m.name === name) };
  const selected = options.only.length ? measurements.filter((m) => options.only.includes(m.name)) : measurements;
  if (selected.length === 0) badFlags(`--only names no measurement; known: ${measurements.map((m) => m.name).join(", ")}`);
  const unprepared = new Set<string>();
  try {
    for (const measurement of selected) {
      if (!measurement.prepare || (measurement.needsServer && options.skipHttp)) continue;
      log(`preparing ${measurement.name}`);
      try {
        await measurement.prepare(ctx);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`preparing "${measurement.name}" failed: ${message}`);
        failures.push({ name: measurement.name, error: message });
        unprepared.add(measurement.name);
      }
    }
    for (const measurement of selected) {
      if (measurement.needsServer && options.skipHttp) {
        skipped.push({ name: measurement.name, reason: "--skip-http" });
        continue;
      }
      if (unprepared.has(measurement.name)) continue;
      log(`measuring ${measurement.name}`);
      try {
        metrics.push(...(await measurement.run(ctx)));
      } catch (error) {
        const cause =
          error instanceof Error && error.cause ? ` (${error.cause instanceof Error ? error.cause.message : String(error.cause)})` : "";
        const message = `${error instanceof Error ? error.message : String(error)}${cause}`;
        log(`measurement "${measurement.name}" failed: ${message}`);
        failures.push({ name: measurement.name, error: message });
      }
    }
  } finally {
    if (running) await stopServer(running);
  }

  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    options,
    machine: machineInfo(sqliteVersion()),
    metrics: scoreMetrics(metrics),
    skipped,
    failures,
  };
  console.log(formatTable(report));
  log(`wrote ${writeReport(report)} and bench-results/latest.json`);
  if (failures.length > 0) {
    log(`${failures.length} measurement(s) failed: ${failures.map((f) => f.name).join(", ")}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("bench: crashed:", error);
    process.exit(1);
  },
);
