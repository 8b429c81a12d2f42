// A sustained mixed load (SPEC/issue #7, issue 22): API ingest at a fixed offered rate, subjects reading
// their preference center and staff reading dashboards, all at once against the production server.
// The ingest stream offers 80% of the single-event capacity measured in the same run, so a slower
// server cannot look better under load by sending less; it reports whether the server kept up.
// The read streams' p95 under load is compared with their idle p95, measured just before.
import { randomBytes } from "node:crypto";
import type { Measurement } from "../bench";
import { eventMaker, measureSingleIngest, prepareIngest, type IngestSetup } from "./api-ingest";
import { failures, measureReads, p95, readStreams, runStream, type Stream } from "./read-streams";
import type { Metric } from "./report";

let setup: IngestSetup | undefined;

/** The share of the single-event capacity the ingest stream offers. */
const OFFERED_SHARE = 0.8;
/**
 * How long an answer may take before the offered rate needs more connections than the stream has: a connection waits
 * for each answer before it sends again, so `rate × this` connections keep offering `rate` while answers take up to
 * this long. With a fixed 20 (before), a server slowed by the reads got a fraction of the offered events and the
 * figures of the reads improved by it; now a server that falls behind is shown falling behind (achieved/offered).
 */
const ANSWER_ALLOWANCE_S = 0.25;
/**
 * autocannon paces per second: each connection sends its share of a second's requests as fast as
 * they are answered, then waits for the next second. One-connection slices started 50 ms apart
 * spread those bursts over the second (checked against a bare server: about the same count in each
 * 100 ms) instead of offering the whole second's load at its start.
 */
const SLICES = 20;

/** Splits `total` into `parts` whole numbers that differ by at most one. */
const split = (total: number, parts: number) =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const mixedLoad: Measurement = {
  name: "mixed-load",
  needsServer: true,
  prepare: async () => {
    // The server started by this run signs and checks links with this secret.
    process.env.PREFERENCES_LINK_SECRET ??= randomBytes(32).toString("base64url");
    setup = await prepareIngest();
  },
  run: async ({ options, server, metric }) => {
    if (!setup) throw new Error("the store was not prepared (no API key)");
    const ingestSetup = setup;
    const { baseUrl } = await server();

    // The capacity the api-ingest measurement found earlier in this run, else a short measurement of our own.
    let capacity = metric("candor.ingest.single")?.value;
    const capacitySource = capacity ? "candor.ingest.single (api-ingest, this run)" : "measured here (api-ingest did not run)";
    if (!capacity) {
      const seconds = Math.min(5, options.seconds);
      capacity = (await measureSingleIngest({ baseUrl, setup: ingestSetup, seconds, connections: options.connections })).eventsPerSecond;
    }
    const offered = Math.max(SLICES, Math.round(capacity * OFFERED_SHARE));
    const connections = Math.max(SLICES, Math.ceil(offered * ANSWER_ALLOWANCE_S));

    const reads = await readStreams(baseUrl);
    await measureReads(reads, 2); // warm-up: route loading and JIT stay out of the idle figures
    const idle = await measureReads(reads, options.seconds);

    const next = eventMaker(ingestSetup);
    const ingestSlices: Stream[] = split(offered, SLICES).map((rate, i) => ({
      name: `ingest-${i}`,
      connections: Math.max(1, Math.min(Math.ceil(connections / SLICES), rate)),
      overallRate: rate,
      url: `${baseUrl}/api/v1/consents`,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${ingestSetup.key}` },
          setupRequest: (r) => ({ ...r, body: JSON.stringify(next()) }),
        },
      ],
    }));
    const seconds = options.mixedSeconds;
    const [ingestResults, readResults] = await Promise.all([
      Promise.all(ingestSlices.map((slice, i) => sleep((i * 1000) / SLICES).then(() => runStream(slice, seconds)))),
      Promise.all(reads.map((s) => runStream(s, seconds))),
    ]);

    const ingest = {
      ok: ingestResults.reduce((n, r) => n + r.result["2xx"], 0),
      total: ingestResults.reduce((n, r) => n + r.result.requests.total, 0),
      failed: ingestResults.reduce((n, r) => n + failures(r.result), 0),
      latencies: ingestResults.flatMap((r) => r.latencies),
    };
    const metrics: Metric[] = [
      {
        name: "candor.mixed.ingest.offered",
        value: offered,
        unit: "req/s",
        details: {
          share: OFFERED_SHARE,
          capacity,
          capacitySource,
          connections,
          answerAllowanceSeconds: ANSWER_ALLOWANCE_S,
          slices: SLICES,
        },
      },
      // Kept up: answered with 2xx at ≥ 98% of the offered rate.
      {
        name: "candor.mixed.ingest.achieved",
        value: ingest.ok / seconds,
        unit: "req/s",
        ratioTo: "candor.mixed.ingest.offered",
        target: { min: 0.98 },
        details: { route: "POST /api/v1/consents", requests: ingest.total, ok: ingest.ok, failed: ingest.failed },
      },
      { name: "candor.mixed.ingest.p95", value: p95(ingest.latencies), unit: "ms" },
    ];
    let errors = ingest.failed;
    let total = ingest.total;
    for (const { stream, result, latencies } of readResults) {
      const name = `candor.mixed.${stream.name}`;
      const idleName = `candor.mixed.idle.${stream.name}.p95`;
      errors += failures(result);
      total += result.requests.total;
      metrics.push(
        {
          name,
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
        // Same route, connections and session as under load, measured just before it.
        {
          name: idleName,
          value: idle[stream.name].p95,
          unit: "ms",
          details: { seconds: options.seconds, requests: idle[stream.name].requests },
        },
      );
      const underLoad = p95(latencies);
      if (stream.name === "dashboards") {
        metrics.push({ name: `${name}.p95`, value: underLoad, unit: "ms", ratioTo: idleName, target: { max: 3 } });
      } else {
        metrics.push(
          { name: `${name}.p95`, value: underLoad, unit: "ms", target: { max: 50 } },
          { name: `${name}.p95.vs-idle`, value: underLoad, unit: "ms", ratioTo: idleName },
        );
      }
    }
    metrics.push(
      { name: "candor.mixed.throughput", value: total / seconds, unit: "req/s", details: { seconds } },
      { name: "candor.mixed.errors", value: errors, unit: "responses", target: { max: 0 } },
      {
        name: "candor.mixed.idle.errors",
        value: Object.values(idle).reduce((n, r) => n + r.failed, 0),
        unit: "responses",
        target: { max: 0 },
      },
    );
    return metrics;
  },
};
