// Threat: the server dies (power loss, OOM kill) while deliveries to recipients are queued and in flight,
// and a change the brand committed never reaches a recipient that holds the person's data: a withdrawal
// the email platform goes on ignoring. After a SIGKILL and a restart, every committed change must arrive,
// each delivery under its one webhook-id, verified, and in order for each person.
import { expect, test } from "@playwright/test";
import { openDatabase } from "../db/connection";
import { readStore } from "../db/testing/read-store";
import { startReceiver, type Receiver } from "../db/testing/webhook-receiver";
import { generateWebhookSecret } from "../lib/propagation/webhook-signature";
import type { RunningServer } from "../scripts/bench/http";
import { crash, secondServer } from "./support/second-server";

test.describe.configure({ mode: "serial", timeout: 240_000 });

const run = Date.now().toString(36);
const PEOPLE = 40;
const secret = generateWebhookSecret();

async function batch(server: RunningServer, key: string, event: "granted" | "withdrawn", round: number) {
  const response = await fetch(`${server.baseUrl}/api/v1/consents/batch`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      events: Array.from({ length: PEOPLE }, (_, p) => ({
        subject: { externalId: `dfk-${run}-${p}`, jurisdiction: "EU" },
        purpose: "marketing_messages",
        event,
        channel: "email",
        idempotencyKey: `dfk-${run}-${round}-${p}`,
      })),
    }),
  });
  expect(response.status, `batch ${round}`).toBe(200);
}

type Stored = { uid: string; state: string; sequence: number; externalId: string };
const deliveriesOf = (store: string, recipientId: number) =>
  readStore(store, (db) =>
    db
      .prepare(
        "SELECT uid, state, event_id AS sequence, json_extract(identifiers, '$.externalId') AS externalId FROM deliveries WHERE recipient_id = ? ORDER BY id",
      )
      .all(recipientId),
  ) as Stored[];

test("a SIGKILL with deliveries queued and in flight loses none: after the restart every committed change arrives", async () => {
  let slow = true;
  const receiver: Receiver = await startReceiver({ secrets: [secret], answer: () => ({ status: 200, delayMs: slow ? 1_500 : 0 }) });
  const env = await secondServer("deliveries-fault", { WEBHOOKS_ALLOW_INSECURE: "true", LOG_LEVEL: "error" });
  // A recipient of the marketing purpose, reached by a webhook to the receiver, written before the server starts.
  const db = openDatabase(env.store);
  const recipientId = db.$client
    .prepare("INSERT INTO recipients (name, role, country, created_at) VALUES (?, 'processor', 'IE', ?) RETURNING id")
    .pluck()
    .get(`Fault Hooks ${run}`, Date.now()) as number;
  const purpose = db.$client.prepare("SELECT id FROM purposes WHERE key = 'marketing_messages' ORDER BY id DESC LIMIT 1").pluck().get();
  const legacy = (db.$client.prepare("PRAGMA table_info(purpose_recipients)").all() as { name: string }[]).some((c) => c.name === "role");
  if (legacy)
    db.$client
      .prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id, name, country, role) VALUES (?, ?, ?, 'IE', 'processor')")
      .run(purpose, recipientId, `Fault Hooks ${run}`);
  else db.$client.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)").run(purpose, recipientId);
  db.$client
    .prepare("INSERT INTO recipient_paths (recipient_id, kind, status, url, secret, created_at) VALUES (?, 'webhook', 'active', ?, ?, ?)")
    .run(recipientId, receiver.url(), secret, Date.now());
  db.$client.close();

  let server = await env.start();
  try {
    // Each person's data reaches the recipient with a grant; a withdrawal and a new grant each tell it.
    await batch(server, env.key, "granted", 0);
    await batch(server, env.key, "withdrawn", 1);
    await batch(server, env.key, "granted", 2);
    // Killed while attempts are in flight (the receiver is slow to answer) and most are still queued.
    await expect.poll(() => receiver.attempts.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
    const killedAt = Date.now();
    await crash(server);
    slow = false;
    const committed = deliveriesOf(env.store, recipientId);
    expect(committed).toHaveLength(2 * PEOPLE);
    expect(committed.filter((d) => d.state === "queued").length, "deliveries pending at the kill").toBeGreaterThan(PEOPLE);
    expect(receiver.attempts.filter((a) => a.at + 1_500 > killedAt).length, "attempts in flight at the kill").toBeGreaterThan(0);

    server = await env.start();
    // Lost claims are retried once they expire (30 s); the rest go at once.
    await expect
      .poll(() => deliveriesOf(env.store, recipientId).filter((d) => d.state !== "delivered").length, {
        timeout: 150_000,
        intervals: [1_000],
      })
      .toBe(0);

    const attempts = receiver.attempts;
    expect(attempts.every((a) => a.verified[0])).toBe(true);
    const answered = new Set(attempts.filter((a) => a.status === 200).map((a) => a.webhookId));
    for (const d of committed) expect(answered.has(d.uid), `delivery ${d.uid}`).toBe(true);
    // One id per event, one event per id: a retry after the crash repeats the id, never invents one.
    const eventOfId = new Map<string, string>();
    const idOfEvent = new Map<string, string>();
    for (const a of attempts) {
      const eventId = a.event!.id;
      expect(eventOfId.get(a.webhookId) ?? eventId).toBe(eventId);
      expect(idOfEvent.get(eventId) ?? a.webhookId).toBe(a.webhookId);
      eventOfId.set(a.webhookId, eventId);
      idOfEvent.set(eventId, a.webhookId);
    }
    // Per person: the withdrawal before the new grant, in attempts as in sequence numbers.
    for (let p = 0; p < PEOPLE; p++) {
      const mine = attempts.filter((a) => a.event!.subject.externalId === `dfk-${run}-${p}`);
      const seqs = mine.map((a) => a.event!.sequence);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      const told = [...new Map(mine.map((a) => [a.webhookId, (a.event!.data as { newState: string }).newState])).values()];
      expect(told).toEqual(["withdrawn", "granted"]);
    }
  } finally {
    await crash(server).catch(() => {});
    await receiver.close();
    env.remove();
  }
});
