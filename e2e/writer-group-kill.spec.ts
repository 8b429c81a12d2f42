// Threat: with the writer thread committing many callers' events in one transaction (issue 22, group commit), a
// crash while a group is open must lose nothing anyone was told was stored, store nothing twice, and leave no
// unacknowledged batch half stored: a group commits whole or not at all, and nobody is answered before it commits.
import { expect, test } from "@playwright/test";
import { checkStore } from "../db/ops/store-check";
import { readStore } from "../db/testing/read-store";
import type { RunningServer } from "../scripts/bench/http";
import { crash, secondServer } from "./support/second-server";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const run = Date.now().toString(36);
const CLIENTS = 24;
const PER_CLIENT = 40;
const BATCH = 5;
// Each client sends single events, and every fourth request a batch of five, so groups hold both kinds.
type Request = { key: string; batch: boolean; events: { idempotencyKey: string }[] };
const requests: Request[][] = Array.from({ length: CLIENTS }, (_, c) =>
  Array.from({ length: PER_CLIENT }, (_, r) => {
    const batch = r % 4 === 3;
    const key = `wk-${run}-c${c}-r${r}`;
    const events = Array.from({ length: batch ? BATCH : 1 }, (_, e) => ({
      subject: { externalId: `wk-${run}-${(c * 13 + r + e) % 300}`, jurisdiction: c % 2 ? "EU" : "US-CA" },
      purpose: "marketing_messages",
      event: (r + e) % 3 === 2 ? "withdrawn" : "granted",
      channel: "email",
      idempotencyKey: `${key}-e${e}`,
    }));
    return { key, batch, events };
  }),
);

async function send(server: RunningServer, apiKey: string, request: Request): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/v1/consents${request.batch ? "/batch" : ""}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(request.batch ? { events: request.events } : request.events[0]),
  });
  const body = (await response.json()) as { stored?: number; duplicates?: number };
  if (request.batch) {
    expect(response.status, request.key).toBe(200);
    expect((body.stored ?? 0) + (body.duplicates ?? 0), request.key).toBe(BATCH);
  } else expect([200, 201], request.key).toContain(response.status);
}

/** How many of each request's events the store holds, by request key; and the most copies of any one event. */
function storedPerRequest(store: string): { perRequest: Map<string, number>; maxCopies: number } {
  return readStore(store, (db) => {
    const rows = db
      .prepare("SELECT idempotency_key AS k, count(*) AS n FROM consent_events WHERE idempotency_key LIKE ? GROUP BY idempotency_key")
      .all(`wk-${run}-%`) as { k: string; n: number }[];
    const perRequest = new Map<string, number>();
    for (const r of rows) {
      const request = r.k.replace(/-e\d+$/, "");
      perRequest.set(request, (perRequest.get(request) ?? 0) + 1);
    }
    return { perRequest, maxCopies: Math.max(0, ...rows.map((r) => r.n)) };
  });
}

test("a SIGKILL while the writer thread holds a group open loses no acknowledged event and half-stores no batch", async () => {
  const env = await secondServer("writer-kill", { CANDOR_WRITER: "thread", CANDOR_WRITER_WAIT_MS: "2" });
  let server = await env.start();
  const acked = new Set<string>();
  const inFlight = new Set<string>();
  let killed = false;
  const client = async (c: number) => {
    for (const request of requests[c]) {
      if (killed) return;
      inFlight.add(request.key);
      try {
        await send(server, env.key, request);
        if (!killed) acked.add(request.key);
      } catch (error) {
        if (!killed) throw error;
      }
    }
  };
  const killer = (async () => {
    while (acked.size < (CLIENTS * PER_CLIENT) / 3) await new Promise((r) => setTimeout(r, 2));
    killed = true;
    await crash(server);
  })();
  await Promise.all([...Array.from({ length: CLIENTS }, (_, c) => client(c)), killer]);
  const unanswered = [...inFlight].filter((k) => !acked.has(k));
  expect(unanswered.length, "requests were in flight at the kill").toBeGreaterThan(0);

  server = await env.start();
  try {
    const after = storedPerRequest(env.store);
    expect(after.maxCopies).toBe(1);
    const all = requests.flat();
    for (const request of all) {
      const size = request.events.length;
      const stored = after.perRequest.get(request.key) ?? 0;
      if (acked.has(request.key)) expect(stored, `acknowledged ${request.key}`).toBe(size);
      else expect([0, size], `unacknowledged ${request.key}`).toContain(stored);
    }
    const check = checkStore(env.store);
    expect(check.integrity && check.totalsMatch && check.audit.broken === null).toBe(true);

    // The restarted server (its writer thread new) takes the clients' retries: what was stored comes back a duplicate.
    for (const request of all.filter((r) => !acked.has(r.key)).slice(0, 60)) await send(server, env.key, request);
    expect(storedPerRequest(env.store).maxCopies).toBe(1);
  } finally {
    await crash(server);
    env.remove();
  }
});
