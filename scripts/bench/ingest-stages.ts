// Where one event's time goes (issue 22, deliverable 5): single events posted one after another (no queueing), each
// answer's Server-Timing header (the route's stages, SERVER_TIMING on in the bench server) beside the latency the
// client saw; what the stages do not cover is the framework's (Next.js routing, request and response objects, the
// socket), shown beside a no-op route's latency timed the same way.
import { parseServerTiming } from "@/lib/observability/server-timing";
import type { IngestSetup } from "./api-ingest";
import type { Metric } from "./report";

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : Number.NaN;
};

export type StageFigures = { requests: number; latencyMs: number; noopMs: number; stages: Map<string, number>; outsideMs: number };

/** `requests` single events one at a time after a warm-up; medians per stage. */
export async function measureIngestStages(o: {
  baseUrl: string;
  setup: IngestSetup;
  next: () => unknown;
  requests: number;
}): Promise<StageFigures> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${o.setup.key}` };
  const post = async () => {
    const body = JSON.stringify(o.next());
    const started = performance.now();
    const response = await fetch(`${o.baseUrl}/api/v1/consents`, { method: "POST", headers, body });
    await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status !== 201) throw new Error(`a single event was answered ${response.status}, not 201`);
    return { ms, stages: parseServerTiming(response.headers.get("server-timing")) };
  };
  const ping = async () => {
    const started = performance.now();
    const response = await fetch(`${o.baseUrl}/api/ping`);
    await response.arrayBuffer();
    return performance.now() - started;
  };
  for (let i = 0; i < 200; i++) await Promise.all([post(), ping()]);
  const latencies: number[] = [];
  const noop: number[] = [];
  const perStage = new Map<string, number[]>();
  const outside: number[] = [];
  for (let i = 0; i < o.requests; i++) {
    const r = await post();
    if (r.stages.size === 0) throw new Error("the ingest route sent no Server-Timing header: is SERVER_TIMING on in the server?");
    latencies.push(r.ms);
    let inside = 0;
    for (const [stage, ms] of r.stages) {
      perStage.set(stage, [...(perStage.get(stage) ?? []), ms]);
      inside += ms;
    }
    outside.push(r.ms - inside);
    noop.push(await ping());
  }
  const stages = new Map([...perStage].map(([stage, xs]) => [stage, median(xs)]));
  return { requests: o.requests, latencyMs: median(latencies), noopMs: median(noop), stages, outsideMs: median(outside) };
}

/** The figures as metrics: each stage's median and its share of the whole. */
export function stageMetrics(f: StageFigures): Metric[] {
  const share = (ms: number) => `${((ms / f.latencyMs) * 100).toFixed(0)}% of the request`;
  return [
    {
      name: "candor.ingest.stages.latency.p50",
      value: f.latencyMs,
      unit: "ms",
      details: { requests: f.requests, connections: 1, route: "POST /api/v1/consents", how: "one at a time, after 200 unmeasured" },
    },
    ...[...f.stages].map(([stage, ms]) => ({
      name: `candor.ingest.stages.${stage}.p50`,
      value: ms,
      unit: "ms",
      details: { share: share(ms) },
    })),
    {
      name: "candor.ingest.stages.framework.p50",
      value: f.outsideMs,
      unit: "ms",
      details: { share: share(f.outsideMs), what: "outside the handler: Next.js routing, request/response objects, the socket" },
    },
    {
      name: "limit.noop-route.latency.p50",
      value: f.noopMs,
      unit: "ms",
      details: { route: "GET /api/ping", how: "one at a time, between the events" },
    },
  ];
}
