// The two read streams the mixed load and the busy writer measure: a subject's preference center and
// a privacy officer's three dashboard APIs, each with its own session, run with autocannon for a while.
import autocannon from "autocannon";
import { databasePath, openDatabase } from "@/db/connection";
import { buildPreferencesLink } from "@/lib/preferences/link";
import { staffSession } from "./dashboards";

export type Stream = {
  name: string;
  connections: number;
  requests: autocannon.Request[];
  url: string;
  /** Requests per second over all the stream's connections (autocannon's overallRate); none: as fast as answered. */
  overallRate?: number;
};

export type StreamResult = { stream: Stream; result: autocannon.Result; latencies: number[] };

/**
 * Runs a setup call again when it hit a keep-alive socket the server had already closed
 * (earlier measurements leave some in fetch's pool, and a POST is never retried by fetch itself).
 */
export async function retried<T>(call: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (error) {
      if (i >= attempts || !(error instanceof TypeError)) throw error;
    }
  }
}

/** A subject's preference-center session cookie, opened through a signed link as the brand's site would. */
export async function subjectSession(baseUrl: string): Promise<string> {
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

/** The dashboard routes both read streams cycle through, one request each in turn. */
export const DASHBOARD_ROUTES = ["trust", "consent-analytics", "privacy-ops"] as const;

/** The preference center (GET /preferences) and the three dashboard APIs, two connections each, with fresh sessions. */
export async function readStreams(baseUrl: string): Promise<Stream[]> {
  const staff = await retried(() => staffSession(baseUrl));
  const subject = await retried(() => subjectSession(baseUrl));
  return [
    { name: "preferences", connections: 2, url: `${baseUrl}/preferences`, requests: [{ method: "GET", headers: { cookie: subject } }] },
    {
      name: "dashboards",
      connections: 2,
      url: `${baseUrl}/api/admin/trust`,
      requests: DASHBOARD_ROUTES.map((route) => ({ method: "GET" as const, path: `/api/admin/${route}`, headers: { cookie: staff } })),
    },
  ];
}

/** One stream for `seconds`, keeping every latency (autocannon's own histogram stops at whole milliseconds). */
export function runStream(stream: Stream, seconds: number): Promise<StreamResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: stream.url,
        duration: seconds,
        connections: stream.connections,
        requests: stream.requests,
        ...(stream.overallRate ? { overallRate: stream.overallRate } : {}),
      },
      (error, result) => (error ? reject(error) : resolve({ stream, result, latencies })),
    );
    instance.on("response", (_c, _s, _b, ms) => latencies.push(ms));
  });
}

export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? Number.NaN;

/** Responses that were not 2xx, connection errors and timeouts. */
export const failures = (r: autocannon.Result) => r.non2xx + r.errors + r.timeouts;

export type ReadFigures = Record<string, { p95: number; requests: number; failed: number }>;

/** Runs the streams together for `seconds` and returns each one's p95, requests and failures, by name. */
export async function measureReads(streams: Stream[], seconds: number): Promise<ReadFigures> {
  const results = await Promise.all(streams.map((s) => runStream(s, seconds)));
  return Object.fromEntries(
    results.map(({ stream, result, latencies }) => [
      stream.name,
      { p95: p95(latencies), requests: result.requests.total, failed: failures(result) },
    ]),
  );
}
