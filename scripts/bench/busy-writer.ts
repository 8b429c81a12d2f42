// The writer held busy (issue 22, Acceptance): another connection to the server's store holds a long
// write transaction (./hold-writer.ts: BEGIN IMMEDIATE, rows inserted all along, then ROLLBACK) while
// the dashboards and the preference center are read; their p95 is reported beside their idle p95,
// measured just before with the same routes, connections and sessions. Reads should not wait for a
// writer (WAL snapshots on read-only connections), so the ratios should stay near 1 and nothing fail.
// A measurement, not a timed test: no target on the ratios.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { databasePath } from "@/db/connection";
import type { Measurement } from "../bench";
import { measureReads, readStreams } from "./read-streams";
import type { Metric } from "./report";

type Held = { rows: number; heldMs: number };

/** Forks the busy writer and resolves once it holds the write lock; `release` rolls it back and reports. */
function holdWriter(file: string, maxSeconds: number): Promise<{ child: ChildProcess; release: () => Promise<Held> }> {
  const child = fork(path.join(__dirname, "hold-writer.ts"), [file, String(maxSeconds)], { stdio: ["ignore", 2, 2, "ipc"] });
  const done = new Promise<Held>((resolve, reject) => {
    child.on("message", (m: Held | { holding: true }) => "rows" in m && resolve(m));
    child.once("exit", (code, signal) => reject(new Error(`the busy writer exited (${signal ?? `exit code ${code}`}) without reporting`)));
  });
  done.catch(() => {}); // awaited by release; an early exit is reported by the holding promise below
  const release = async () => {
    child.send("stop");
    return done;
  };
  return new Promise((resolve, reject) => {
    child.on("message", (m: Held | { holding: true }) => "holding" in m && resolve({ child, release }));
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      reject(new Error(`the busy writer exited (${signal ?? `exit code ${code}`}) before holding the lock`)),
    );
  });
}

export const busyWriter: Measurement = {
  name: "busy-writer",
  needsServer: true,
  prepare: () => {
    // The server started by this run signs and checks preference links with this secret.
    process.env.PREFERENCES_LINK_SECRET ??= randomBytes(32).toString("base64url");
  },
  run: async ({ options, server }) => {
    const { baseUrl } = await server();
    const reads = await readStreams(baseUrl);
    await measureReads(reads, 2); // warm-up
    const idle = await measureReads(reads, options.seconds);

    const { child, release } = await holdWriter(databasePath(), options.seconds + 60);
    let busy: Awaited<ReturnType<typeof measureReads>>;
    let held: Held;
    try {
      busy = await measureReads(reads, options.seconds);
    } finally {
      held = await release().finally(() => child.kill("SIGKILL"));
    }

    const metrics: Metric[] = [];
    for (const name of Object.keys(idle)) {
      const idleName = `candor.busy-writer.idle.${name}.p95`;
      metrics.push(
        { name: idleName, value: idle[name].p95, unit: "ms", details: { requests: idle[name].requests, failed: idle[name].failed } },
        {
          name: `candor.busy-writer.${name}.p95`,
          value: busy[name].p95,
          unit: "ms",
          ratioTo: idleName,
          details: { requests: busy[name].requests, failed: busy[name].failed },
        },
      );
    }
    const failed = Object.values(busy).reduce((n, r) => n + r.failed, 0);
    metrics.push(
      {
        name: "candor.busy-writer.rows",
        value: held.rows,
        unit: "rows",
        details: {
          heldMs: Math.round(held.heldMs),
          transaction: "BEGIN IMMEDIATE … ROLLBACK: the store is unchanged",
          seconds: options.seconds,
        },
      },
      // A read that fails while another connection writes means reads still wait for the writer.
      { name: "candor.busy-writer.errors", value: failed, unit: "responses", target: { max: 0 } },
    );
    return metrics;
  },
};
