// limit.http-sqlite.single: what a plain node:http server (no framework, no Candor) serves when each
// request parses a JSON consent event and inserts one keyed row into a copy of the measured store,
// loaded exactly like the single-event ingest (same events, connections, warm-up and duration).
// A reference limit beside limit.noop-route: together they show what the framework costs and what
// Candor's own work costs.
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/connection";
import type { Measurement } from "../bench";
import { measureSingleIngest, prepareIngest } from "./api-ingest";
import type { Metric } from "./report";

/** Forks the probe server on a copy of `source` and resolves with its port once it listens. */
function startProbe(source: string, copy: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(__dirname, "http-sqlite-server.ts"), [source, copy], { stdio: ["ignore", 2, 2, "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", (message: { port: number }) => resolve({ child, port: message.port }));
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      reject(new Error(`the http-sqlite probe exited (${signal ?? `exit code ${code}`}) before listening`)),
    );
  });
}

function stopProbe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  return exited.finally(() => clearTimeout(timer));
}

export const httpSqlite: Measurement = {
  name: "http-sqlite",
  // An HTTP measurement (skipped under --skip-http), though not of Candor's server.
  needsServer: true,
  run: async ({ options }) => {
    // Beside the store, not in the OS temp dir, which is often tmpfs and would flatter the limit.
    const source = databasePath();
    const dir = fs.mkdtempSync(path.join(path.dirname(source), ".bench-http-sqlite-"));
    const copy = path.join(dir, "store-copy.db");
    let child: ChildProcess | undefined;
    try {
      const probe = await startProbe(source, copy);
      child = probe.child;
      // The copy's own subjects and purposes (and an API key the probe does not check).
      const setup = await prepareIngest(copy);
      const r = await measureSingleIngest({
        baseUrl: `http://127.0.0.1:${probe.port}`,
        setup,
        seconds: options.seconds,
        connections: options.connections,
      });
      const details = {
        server: "node:http, one better-sqlite3 connection with the server's pragmas, checkpoints in a background thread",
        store: "a copy of the measured store (SQLite backup API), deleted afterwards",
        work: "JSON.parse, subject by external id, purpose from a map, one keyed INSERT in its own transaction, 201; no auth",
        connections: options.connections,
        requests: r.requests,
        errors: r.errors,
      };
      const metrics: Metric[] = [
        { name: "limit.http-sqlite.single", value: r.eventsPerSecond, unit: "req/s", ratioTo: "limit.noop-route", details },
        { name: "limit.http-sqlite.single.p50", value: r.p50Ms, unit: "ms" },
        { name: "limit.http-sqlite.single.p95", value: r.p95Ms, unit: "ms" },
        // Every generated event is valid: anything but 201 means the limit counts failures.
        { name: "limit.http-sqlite.single.non-2xx", value: r.non2xx + r.errors, unit: "responses", target: { max: 0 } },
      ];
      return metrics;
    } finally {
      if (child) await stopProbe(child);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
