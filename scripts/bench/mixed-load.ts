// A sustained mixed load (SPEC/issue #7): API ingest, subjects reading their preference
// center and staff reading dashboards, all at once against the production server.
// Reports throughput and p95 per stream and the errors, which must be zero.
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { databasePath, openDatabase } from "@/db/connection";
import { buildPreferencesLink } from "@/lib/preferences/link";
import type { Measurement } from "../bench";
import { eventMaker, prepareIngest, type IngestSetup } from "./api-ingest";
import { staffSession } from "./dashboards";
import type { Metric } from "./report";

let setup: IngestSetup | undefined;

/**
 * Runs a setup call again when it hit a keep-alive socket the server had already closed
 * (earlier measurements leave some in fetch's pool, and a POST is never retried by fetch itself).
 */
async function retried<T>(call: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (error) {
      if (i >= attempts || !(error instanceof TypeError)) throw error;
    }
  }
}

/** A subject's preference-center session cookie, opened through a signed link as the brand's site would. */
async function subjectSession(baseUrl: string): Promise<string> {
  const db = openDatabase(databasePath());
  const uid = (
    db.$client.prepare("SELECT uid FROM subjects WHERE email IS NOT NULL AND is_minor = 0 ORDER BY id LIMIT 1").get() as { uid: string }
  ).uid;
  db.$client.close();
  const link = buildPreferencesLink(baseUrl, process.env.PREFERENCES_LINK_SECRET!, uid, Math.floor(Date.now() / 1000) + 3600);
  const response = await fetch(link, { redirect: "manual" });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("candor_preferences="));
  if (!cookie) throw new Error(`the signed link opened no preference session (HTTP ${response.status})`);
  return cookie;
}

type Stream = { name: string; connections: number; requests: autocannon.Request[]; url: string };

function run(stream: Stream, seconds: number) {
  return new Promise<{ stream: Stream; result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url: stream.url, duration: seconds, connections: stream.connections, requests: stream.requests },
      (error, result) => (error ? reject(error) : resolve({ stream, result, latencies })),
    );
    instance.on("response", (_c, _s, _b, ms) => latencies.push(ms));
  });
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? Number.NaN;

export const mixedLoad: Measurement = {
  name: "mixed-load",
  needsServer: true,
  prepare: async () => {
    // The server started by this run signs and checks links with this secret.
    process.env.PREFERENCES_LINK_SECRET ??= randomBytes(32).toString("base64url");
    setup = await prepareIngest();
  },
  run: async ({ options, server }) => {
    if (!setup) throw new Error("the store was not prepared (no API key)");
    const { baseUrl } = await server();
    const staff = await retried(() => staffSession(baseUrl));
    const subject = await retried(() => subjectSession(baseUrl));
    const next = eventMaker(setup);
    const streams: Stream[] = [
      {
        name: "ingest",
        connections: 4,
        url: `${baseUrl}/api/v1/consents`,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${setup.key}` },
            setupRequest: (r) => ({ ...r, body: JSON.stringify(next()) }),
          },
        ],
      },
      { name: "preferences", connections: 2, url: `${baseUrl}/preferences`, requests: [{ method: "GET", headers: { cookie: subject } }] },
      {
        name: "dashboards",
        connections: 2,
        url: `${baseUrl}/api/admin/trust`,
        requests: ["trust", "consent-analytics", "privacy-ops"].map((route) => ({
          method: "GET" as const,
          path: `/api/admin/${route}`,
          headers: { cookie: staff },
        })),
      },
    ];
    const results = await Promise.all(streams.map((s) => run(s, options.mixedSeconds)));
    const metrics: Metric[] = [];
    let errors = 0;
    let total = 0;
    for (const { stream, result, latencies } of results) {
      const failed = result.non2xx + result.errors + result.timeouts;
      errors += failed;
      total += result.requests.total;
      metrics.push(
        {
          name: `candor.mixed.${stream.name}`,
          value: result.requests.average,
          unit: "req/s",
          details: {
            connections: stream.connections,
            requests: result.requests.total,
            non2xx: result.non2xx,
            errors: result.errors,
            timeouts: result.timeouts,
          },
        },
        { name: `candor.mixed.${stream.name}.p95`, value: p95(latencies), unit: "ms" },
      );
    }
    metrics.push(
      { name: "candor.mixed.throughput", value: total / options.mixedSeconds, unit: "req/s", details: { seconds: options.mixedSeconds } },
      { name: "candor.mixed.errors", value: errors, unit: "responses", target: { max: 0 } },
    );
    return metrics;
  },
};
