import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { bundleFile } from "../../db/writer/bundle-path";
import { tsconfigEnv } from "../build-tsconfig";

export type RunningServer = { baseUrl: string; port: number; child: ChildProcess; output: () => string };

export type LoadOptions = {
  url: string;
  seconds: number;
  connections: number;
  method?: "GET" | "POST" | "PUT" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
  /** Unmeasured load first, so lazy route loading and JIT warm-up stay out of the figures. */
  warmupSeconds?: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

/** The folder `next build` writes to: NEXT_DIST_DIR (as next.config.js reads it) or .next. */
export function distDir(): string {
  return path.resolve(process.env.NEXT_DIST_DIR || ".next");
}

export function hasBuild(): boolean {
  return fs.existsSync(path.join(distDir(), "BUILD_ID"));
}

/**
 * Runs `npm run build` (whose prebuild migrates and bundles the consent widget) with its output
 * on stderr: it takes a while, may fail for real reasons, and stdout is the table.
 */
export function buildApp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...tsconfigEnv(process.cwd(), distDir()) };
    const child = spawn("npm", ["run", "build"], { stdio: ["ignore", 2, 2], env });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the production server (`npm start`'s: scripts/serve.ts, bundled for the build folder NEXT_DIST_DIR names) on a free port and resolves once /api/ping answers 204. Its CANDOR_URL is its
 * own address (links in its messages lead back to it) unless `env` names another; no telemetry.
 * The server gets its own process group so stopServer can take down any workers it forks.
 */
export async function startServer(options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  const bundle = bundleFile("server", process.cwd(), options.env?.NEXT_DIST_DIR ?? process.env.NEXT_DIST_DIR);
  if (!fs.existsSync(bundle)) throw new Error(`the server's bundle ${bundle} is missing: run npm run build (or npm run build:server)`);
  const child = spawn(process.execPath, [bundle, "--port", String(port), "--hostname", "127.0.0.1"], {
    // The bench measures capacity, so the per-key API rate limit (a policy, lib/server/rate-limits.ts) is off.
    env: {
      ...process.env,
      NODE_ENV: "production",
      API_RATE_LIMIT: "off",
      // The single-event ingest route answers with a Server-Timing header of its stages (api-ingest's stage figures).
      SERVER_TIMING: "on",
      // The propagation measurement's receivers listen on 127.0.0.1 over plain HTTP: the development setting.
      WEBHOOKS_ALLOW_INSECURE: "true",
      CANDOR_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const server: RunningServer = { baseUrl: `http://127.0.0.1:${port}`, port, child, output: () => output };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.signalCode ?? `exit code ${child.exitCode}`}) before answering:\n${output}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/api/ping`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 204) return server;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  await stopServer(server);
  throw new Error(`the server did not answer /api/ping with 204 within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
}

/** SIGTERM to the server's process group, then SIGKILL if it lingers. */
export async function stopServer(server: RunningServer, graceMs = 5_000): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup("SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    signalGroup("SIGKILL");
    await exited;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function fire(options: LoadOptions, seconds: number, onLatency?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        duration: seconds,
        connections: options.connections,
        method: options.method ?? "GET",
        headers: options.headers,
        body: options.body,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon's own histogram stops at p97.5 and whole milliseconds; keep every sample for p95.
    if (onLatency) instance.on("response", (_client, _status, _bytes, ms) => onLatency(ms));
  });
}

/** Requests per second and latency percentiles for one endpoint under constant load. */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  const warmup = options.warmupSeconds ?? 2;
  if (warmup > 0) await fire(options, warmup);
  const latencies: number[] = [];
  const result = await fire(options, options.seconds, (ms) => latencies.push(ms));
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
