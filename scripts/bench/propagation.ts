// Propagation under ingest (issue 14, deliverable 9): batch ingest that withdraws consent from a purpose, first
// without and then with two local webhook receivers attached to recipients of that purpose, while the server's
// dispatcher sends; then how fast the deliveries went out and how long each took from commit to the receiver's 2xx.
import { randomUUID } from "node:crypto";
import { and, count, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import { databasePath, openDatabase, type Db } from "@/db/connection";
import { addWebhookPath } from "@/db/propagation/recipient-paths";
import { createRecipient } from "@/db/propagation/recipients";
import { deliveries, purposeRecipients, recipientPaths, recipients } from "@/db/schema";
import { checkEndpointAddresses } from "@/lib/propagation/endpoint-guard";
import { measureBatchIngest, prepareIngest, type IngestSetup } from "./api-ingest";
import type { Measurement } from "../bench";
import { startReceiver, type Receiver } from "./receivers";

const RECEIVERS = 2;
const WARMUP_SECONDS = 5;
/** How long the deliveries of the measured run may take to drain once ingest stops. */
const DRAIN_TIMEOUT_MS = 120_000;

type Setup = {
  ingest: IngestSetup;
  purposeId: number;
  purposeKey: string;
  recipientIds: number[];
  pathIds: number[];
  receivers: Receiver[];
};

const actor = { id: null, email: "bench" };

/**
 * Takes the run's two recipients out of the store again, with every delivery written to them: a bench leaves the
 * store as a brand's, not with a backlog that later runs (and the privacy-operations figures) would carry.
 */
function removeRecipients(db: Db, ids: number[]): void {
  db.transaction((tx) => {
    tx.delete(deliveries).where(inArray(deliveries.recipientId, ids)).run();
    tx.delete(recipientPaths).where(inArray(recipientPaths.recipientId, ids)).run();
    tx.delete(purposeRecipients).where(inArray(purposeRecipients.recipientId, ids)).run();
    tx.delete(recipients).where(inArray(recipients.id, ids)).run();
  });
}

/** Two recipients with webhook paths to the receivers (not linked to the purpose yet: that is "attaching" them). */
async function prepareRecipients(db: Db, receivers: Receiver[]) {
  const stamp = new Date().toISOString();
  const recipientIds: number[] = [];
  const pathIds: number[] = [];
  // The development setting the bench's server runs with (WEBHOOKS_ALLOW_INSECURE): plain HTTP to 127.0.0.1.
  const check = async (url: string) => checkEndpointAddresses(url, ["127.0.0.1"], { allowInsecure: true });
  for (const [i, receiver] of receivers.entries()) {
    const fields = {
      name: `Bench receiver ${i + 1} ${stamp}`,
      role: "processor",
      country: "DE",
      privacyContactName: null,
      privacyContactEmail: null,
    } as const;
    const recipient = createRecipient(db, fields, actor);
    const { path } = await addWebhookPath(db, { recipientId: recipient.id, url: receiver.url }, actor, check);
    recipientIds.push(recipient.id);
    pathIds.push(path.id);
  }
  return { recipientIds, pathIds };
}

/**
 * The purpose the runs withdraw from: one whose recipients already get deliveries (so "without" pays the writer's work
 * too) but through feeds only, which the dispatcher does not serve. A purpose with an email path would make the
 * comparison unfair: with the receivers attached the dispatcher's runs go to webhook batches and write the email
 * path's messages only between runs, after the measured minute, so "with" measured faster than "without" (1.14×).
 */
function benchPurpose(db: Db, ingest: IngestSetup): { id: number; key: string } {
  const row = db.$client.prepare(
    `SELECT p.id, p.key,
            COUNT(DISTINCT pr.recipient_id) AS recipients,
            COUNT(DISTINCT CASE WHEN rp.kind IN ('email', 'webhook') AND rp.status = 'active' THEN rp.id END) AS served
     FROM purposes p
     LEFT JOIN purpose_recipients pr ON pr.purpose_id = p.id AND pr.unlinked_at IS NULL
     LEFT JOIN recipient_paths rp ON rp.recipient_id = pr.recipient_id
     WHERE p.key = ? GROUP BY p.id`,
  );
  const candidates = ingest.purposes.map((p) => row.get(p.key) as { id: number; key: string; recipients: number; served: number });
  const best = candidates.find((c) => c.recipients > 0 && c.served === 0) ?? candidates[0];
  return { id: best.id, key: best.key };
}

/**
 * Each pair of events grants the purpose and withdraws it for one person: the withdrawal tells the purpose's recipients.
 * `part` of `parts` picks a third of the people: the warm-up, the run without and the run with receivers each write for
 * people of their own, so each starts from histories as long as the store gave them (a person's earlier events and
 * deliveries are read on every change, and a later run on the same people would read more).
 */
function withdrawals(setup: IngestSetup, purposeKey: string, part: number, parts = 3) {
  const people = setup.subjects.filter((_, i) => i % parts === part);
  let pending: object | null = null;
  return () => {
    if (pending) {
      const next = pending;
      pending = null;
      return next;
    }
    const subject = people[Math.floor(Math.random() * people.length)];
    const event = (e: string) => ({ subject, purpose: purposeKey, event: e, source: "import", idempotencyKey: randomUUID() });
    pending = event("withdrawn");
    return event("granted");
  };
}

const EVERYDAY_CHOICES = 100;

/** Sends single choices through POST /api/v1/consents, each after the last was answered, about 20 a second. */
async function everydayChoices(baseUrl: string, setup: IngestSetup, next: () => unknown) {
  const headers = { "content-type": "application/json", authorization: `Bearer ${setup.key}` };
  for (let i = 0; i < EVERYDAY_CHOICES; i++) {
    const response = await fetch(`${baseUrl}/api/v1/consents`, { method: "POST", headers, body: JSON.stringify(next()) });
    await response.arrayBuffer();
    await sleep(50);
  }
}

/** Each delivery's time from being written to its receiver's first 2xx, sorted; `missing`: those no receiver answered. */
function lagsOf(rows: { uid: string; createdAt: Date }[], answered: Map<string, number>) {
  const lags = rows.flatMap((r) => (answered.has(r.uid) ? [answered.get(r.uid)! - r.createdAt.getTime()] : []));
  return { lags: lags.sort((a, b) => a - b), missing: rows.length - lags.length };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let setup: Setup | undefined;

export const propagation: Measurement = {
  name: "propagation",
  needsServer: true,
  prepare: async () => {
    const ingest = await prepareIngest();
    const receivers = await Promise.all(Array.from({ length: RECEIVERS }, startReceiver));
    const db = openDatabase(databasePath());
    try {
      const { id: purposeId, key: purposeKey } = benchPurpose(db, ingest);
      setup = { ingest, purposeId, purposeKey, receivers, ...(await prepareRecipients(db, receivers)) };
    } finally {
      db.$client.close();
    }
  },
  run: async ({ options, server }) => {
    if (!setup) throw new Error("the store was not prepared (no recipients or receivers)");
    const s = setup;
    const { baseUrl } = await server();
    const connections = Math.min(2, options.connections);
    const ingest = (next: () => unknown) => measureBatchIngest({ baseUrl, setup: s.ingest, seconds: options.seconds, connections, next });
    const db = openDatabase(databasePath());
    try {
      // Unmeasured first: the server's first runs (JIT, the dispatcher working off what the store already had queued) stay out.
      await measureBatchIngest({
        baseUrl,
        setup: s.ingest,
        seconds: WARMUP_SECONDS,
        connections,
        next: withdrawals(s.ingest, s.purposeKey, 0),
      });
      const without = await ingest(withdrawals(s.ingest, s.purposeKey, 1));

      // Attached: the purpose now sends data to both recipients, so each withdrawal queues a delivery to each.
      const links = s.recipientIds.map((recipientId) => ({ purposeId: s.purposeId, recipientId }));
      db.insert(purposeRecipients).values(links).run();
      const attachedAt = Date.now();
      const withReceivers = await ingest(withdrawals(s.ingest, s.purposeKey, 2));
      const ingestEnded = Date.now();

      const ours = and(inArray(deliveries.recipientId, s.recipientIds), gte(deliveries.createdAt, new Date(attachedAt)));
      const queued = () =>
        db
          .select({ n: count() })
          .from(deliveries)
          .where(and(ours, eq(deliveries.state, "queued")))
          .get()!.n;
      while (queued() > 0 && Date.now() - ingestEnded < DRAIN_TIMEOUT_MS) await sleep(250);
      const drainMs = Date.now() - ingestEnded;

      // Everyday: single choices one at a time (a person in the preference center), nothing queued before them.
      const everydayFrom = Date.now();
      await everydayChoices(baseUrl, s.ingest, withdrawals(s.ingest, s.purposeKey, 2));
      const everydayRows = () =>
        db
          .select({ uid: deliveries.uid, createdAt: deliveries.createdAt, state: deliveries.state })
          .from(deliveries)
          .where(and(inArray(deliveries.recipientId, s.recipientIds), gte(deliveries.createdAt, new Date(everydayFrom))))
          .all();
      while (everydayRows().some((r) => r.state === "queued") && Date.now() - everydayFrom < DRAIN_TIMEOUT_MS) await sleep(100);

      // Detached again as a revision would (the link closed, not deleted), so later measurements ingest without them;
      // paths off so nothing retries to closed ports.
      db.update(purposeRecipients)
        .set({ unlinkedAt: new Date() })
        .where(and(inArray(purposeRecipients.recipientId, s.recipientIds), isNull(purposeRecipients.unlinkedAt)))
        .run();
      db.update(recipientPaths)
        .set({ status: "disabled", disabledAt: new Date(), disabledReason: "officer" })
        .where(inArray(recipientPaths.id, s.pathIds))
        .run();

      const rows = db
        .select({ uid: deliveries.uid, createdAt: deliveries.createdAt })
        .from(deliveries)
        .where(and(ours, lt(deliveries.createdAt, new Date(everydayFrom))))
        .all();
      const answered = new Map((await Promise.all(s.receivers.map((r) => r.answers()))).flatMap((m) => [...m]));
      const everyday = lagsOf(everydayRows(), answered);
      const lags: number[] = [];
      let first = Number.POSITIVE_INFINITY;
      let last = 0;
      for (const row of rows) {
        const at = answered.get(row.uid);
        if (at === undefined) continue;
        lags.push(at - row.createdAt.getTime());
        first = Math.min(first, row.createdAt.getTime());
        last = Math.max(last, at);
      }
      lags.sort((a, b) => a - b);
      const delivered = lags.length;
      const perSecond = delivered > 0 ? delivered / Math.max(0.001, (last - first) / 1000) : 0;
      const details = {
        route: "POST /api/v1/consents/batch",
        events: "pairs granting then withdrawing one purpose for one person",
        purpose: s.purposeKey,
        receivers: RECEIVERS,
        connections,
        batchesWithout: without.batches,
        batchesWith: withReceivers.batches,
      };
      return [
        { name: "candor.propagation.ingest.without", value: without.eventsPerSecond, unit: "events/s", details },
        {
          name: "candor.propagation.ingest.with-receivers",
          value: withReceivers.eventsPerSecond,
          unit: "events/s",
          ratioTo: "candor.propagation.ingest.without",
          target: { min: 0.8 },
          details,
        },
        {
          name: "candor.propagation.deliveries",
          value: perSecond,
          unit: "deliveries/s",
          details: { delivered, written: rows.length, drainMsAfterIngest: drainMs, from: "first delivery written to last 2xx" },
        },
        { name: "candor.propagation.lag.p50", value: percentile(lags, 50), unit: "ms", details: { from: "under the batch ingest above" } },
        {
          name: "candor.propagation.lag.p95",
          value: percentile(lags, 95),
          unit: "ms",
          details: { from: "delivery created_at to the receiver's 2xx" },
        },
        {
          name: "candor.propagation.lag.everyday.p50",
          value: percentile(everyday.lags, 50),
          unit: "ms",
          details: { choices: EVERYDAY_CHOICES, from: "single choices sent one at a time, delivery created_at to the receiver's 2xx" },
        },
        { name: "candor.propagation.lag.everyday.p95", value: percentile(everyday.lags, 95), unit: "ms" },
        // Every delivery written while attached must reach its receiver before the drain times out.
        {
          name: "candor.propagation.undelivered",
          value: rows.length - delivered + everyday.missing,
          unit: "deliveries",
          target: { max: 0 },
        },
        {
          name: "candor.propagation.ingest.failed",
          value: without.failedBatches + withReceivers.failedBatches,
          unit: "batches",
          target: { max: 0 },
        },
      ];
    } finally {
      removeRecipients(db, s.recipientIds);
      db.$client.close();
      await Promise.all(s.receivers.map((r) => r.close()));
    }
  },
};
