import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReader } from "@/scripts/build-writer";
import { utcDay } from "@/lib/metrics/period";
import { WriterThread } from "../writer/thread";
import { createTempDatabase } from "../testing/temp-db";

// The dashboards' aggregates as the server reads them (issue 22): through their port, on a real reader thread with a
// connection of its own; the answers are the ones the same reads give on the calling thread, and a write committed
// elsewhere is in the next answer.
const temp = createTempDatabase("reader-thread");
process.env.DATABASE_PATH = temp.file;
const bundle = path.join(process.cwd(), ".generated", `reader-test-${process.pid}.cjs`);
let reader: WriterThread;
let client: typeof import("../client");
let dashboards: typeof import("../dashboards");
let ledger: import("../consent/ledger/record").ConsentLedger;
const now = Date.now();
const filter = { period: { from: utcDay(now - 90 * 86_400_000), to: utcDay(now) } };

beforeAll(async () => {
  client = await import("../client");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { ConsentLedger } = await import("../consent/ledger/record");
  loadTestCatalog(client.db);
  ledger = new ConsentLedger(client.db);
  ledger.record(
    ["a", "b", "c"].map((id) => ({
      subject: { externalId: id, jurisdiction: "EU" },
      purpose: "newsletter",
      event: "granted",
      source: "api",
    })),
    { now: now - 86_400_000, gpc: false },
  );
  await buildReader(bundle);
  reader = new WriterThread({ file: temp.file, bundle, maxJobs: 1, waitMs: 0, role: "reader" });
  (globalThis as unknown as { candorReader?: WriterThread }).candorReader = reader;
  dashboards = await import("../dashboards");
}, 60_000);
afterAll(async () => {
  await reader.stop();
  delete (globalThis as unknown as { candorReader?: WriterThread }).candorReader;
  temp.cleanup();
  fs.rmSync(bundle, { force: true });
});

const started = () => (reader as unknown as { worker: unknown }).worker !== null;

describe("the reader thread", () => {
  it("answers the consent analytics and the trust dashboard as the calling thread's own reads do", async () => {
    expect(started()).toBe(false);
    const onThread = await dashboards.getConsentAnalytics(filter, utcDay(now));
    expect(started()).toBe(true);
    const { getConsentAnalytics } = await import("../dashboards/consent-analytics");
    expect(onThread).toEqual(getConsentAnalytics(filter, utcDay(now)));
    const { getTrustDashboard } = await import("../dashboards/trust");
    expect(await dashboards.getTrustDashboard(filter, now)).toEqual(getTrustDashboard(filter, now));
  });

  it("sees a write committed on another connection in its next answer", async () => {
    const before = await dashboards.getConsentAnalytics(filter, utcDay(now));
    ledger.record([{ subject: { externalId: "d", jurisdiction: "EU" }, purpose: "newsletter", event: "granted", source: "api" }], {
      now,
      gpc: false,
    });
    const after = await dashboards.getConsentAnalytics(filter, utcDay(now));
    expect(after).not.toEqual(before);
    const { getConsentAnalytics } = await import("../dashboards/consent-analytics");
    expect(after).toEqual(getConsentAnalytics(filter, utcDay(now)));
  });
});
