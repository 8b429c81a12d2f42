// Threat: the server dies mid-ingest (power loss, OOM kill) and the brand's records of
// consent come back wrong: an event the API acknowledged is missing, a batch is half
// stored, or a client's retry stores the same choice twice. A SIGKILL mid-stream must
// leave only whole batches, every acknowledged one, each event once.
import { expect, test } from "@playwright/test";
import { checkStore } from "../db/ops/store-check";
import { readStore } from "../db/testing/read-store";
import type { RunningServer } from "../scripts/bench/http";
import { crash, secondServer } from "./support/second-server";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const run = Date.now().toString(36);
const BATCHES = 48;
const SIZE = 100;
const batches = Array.from({ length: BATCHES }, (_, b) => ({
  events: Array.from({ length: SIZE }, (_, e) => ({
    subject: { externalId: `fault-${run}-${(b * 7 + e) % 250}`, jurisdiction: "EU" },
    purpose: "marketing_messages",
    event: e % 3 === 2 ? "withdrawn" : "granted",
    channel: "email",
    idempotencyKey: `fault-${run}-b${b}-e${e}`,
  })),
}));

type BatchAnswer = { stored: number; duplicates: number; rejected: number };

async function send(server: RunningServer, key: string, b: number): Promise<{ status: number; body: BatchAnswer }> {
  const response = await fetch(`${server.baseUrl}/api/v1/consents/batch`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify(batches[b]),
  });
  return { status: response.status, body: (await response.json()) as BatchAnswer };
}

/** Events stored per batch, by idempotency key; and the most times any one key was stored. */
function storedPerBatch(store: string): { perBatch: number[]; maxCopies: number } {
  return readStore(store, (db) => {
    const rows = db
      .prepare("SELECT idempotency_key AS k, count(*) AS n FROM consent_events WHERE idempotency_key LIKE ? GROUP BY idempotency_key")
      .all(`fault-${run}-%`) as { k: string; n: number }[];
    const perBatch = new Array<number>(BATCHES).fill(0);
    for (const r of rows) perBatch[Number(/-b(\d+)-e/.exec(r.k)![1])]++;
    return { perBatch, maxCopies: Math.max(0, ...rows.map((r) => r.n)) };
  });
}

test("a SIGKILL mid-stream loses no acknowledged event, leaves no batch half stored, and a resend stores nothing twice", async () => {
  const env = await secondServer("fault-kill");
  let server = await env.start();
  const acked = new Set<number>();
  const failed = new Set<number>();
  let next = 0;
  let killed = false;
  // Four clients send batches back to back; once enough are acknowledged the server is killed mid-stream.
  const client = async () => {
    while (!killed && next < BATCHES) {
      const b = next++;
      try {
        const answer = await send(server, env.key, b);
        expect(answer.status, `batch ${b}`).toBe(200);
        expect(answer.body.stored + answer.body.duplicates).toBe(SIZE);
        acked.add(b);
      } catch (error) {
        if (!killed) throw error;
        failed.add(b); // in flight when the server died: may be stored whole or not at all
      }
    }
  };
  const killer = (async () => {
    while (acked.size < 12) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    await crash(server);
  })();
  await Promise.all([client(), client(), client(), client(), killer]);
  expect(failed.size, "some batches were in flight at the kill").toBeGreaterThan(0);

  server = await env.start();
  try {
    const afterCrash = storedPerBatch(env.store);
    expect(afterCrash.maxCopies).toBe(1);
    for (let b = 0; b < BATCHES; b++) {
      if (acked.has(b)) expect(afterCrash.perBatch[b], `acknowledged batch ${b}`).toBe(SIZE);
      else expect([0, SIZE], `unacknowledged batch ${b}`).toContain(afterCrash.perBatch[b]);
    }
    // Derived state survived the crash in step with the ledger.
    const check = checkStore(env.store);
    expect(check.integrity && check.totalsMatch && check.audit.broken === null).toBe(true);

    // The client retries everything: what was stored comes back as duplicates, the rest is stored once.
    let duplicates = 0;
    for (let b = 0; b < BATCHES; b++) {
      const answer = await send(server, env.key, b);
      expect(answer.status).toBe(200);
      expect(answer.body.stored + answer.body.duplicates).toBe(SIZE);
      expect(answer.body.duplicates).toBe(afterCrash.perBatch[b]);
      duplicates += answer.body.duplicates;
    }
    expect(duplicates).toBeGreaterThanOrEqual(acked.size * SIZE);
    const final = storedPerBatch(env.store);
    expect(final.maxCopies).toBe(1);
    expect(final.perBatch).toEqual(new Array(BATCHES).fill(SIZE));

    // The restarted server reports itself healthy, and echoes a caller's request id.
    const health = await fetch(`${server.baseUrl}/api/health`, { headers: { "x-request-id": `probe-${run}-0001` } });
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(health.headers.get("x-request-id")).toBe(`probe-${run}-0001`);
    expect(await health.json()).toMatchObject({ status: "ok", database: { reachable: true }, migrations: { current: true } });
  } finally {
    await crash(server);
    env.remove();
  }
});
