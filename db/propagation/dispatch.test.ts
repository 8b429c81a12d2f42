import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MIN_ATTEMPTS_BEFORE_PARKING, RETRY_WINDOW_MS } from "@/lib/propagation/delivery-schedule";
import { checkEndpoint } from "@/lib/propagation/endpoint-guard";
import { generateWebhookSecret } from "@/lib/propagation/webhook-signature";
import { sendWebhook } from "@/lib/server/webhook-sender";
import { openDatabase } from "../connection";
import { addTestEvent, addTestRecipient, clearPropagation, deliveryRow } from "../testing/deliveries";
import { createTempDatabase } from "../testing/temp-db";
import { startReceiver, type Answer, type Receiver } from "../testing/webhook-receiver";
import {
  CLAIM_EXPIRY_MS,
  claimWebhook,
  claimWebhooks,
  dispatchWebhooks,
  dueWebhooks,
  recordWebhookAttempt,
  recordWebhookAttempts,
  type SendWebhook,
  type WebhookClaim,
} from "./dispatch";

// The dispatcher against a real receiver on 127.0.0.1 that checks every signature with the standardwebhooks
// package. Time is the test's: the dispatcher's clock is injected and moved to the next due retry, so hours of
// backoff pass in a few rounds (the signatures' timestamps stay real, as a receiver's tolerance needs).

const temp = createTempDatabase("dispatch");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const T0 = Date.parse("2026-03-02T09:00:00Z");
const local = (url: string) => checkEndpoint(url, async () => ["127.0.0.1"], { allowInsecure: true });
const sender =
  (timeoutMs = 2_000): SendWebhook =>
  (t) =>
    sendWebhook(t, { check: local, timeoutMs });
/** A seeded random source, so jittered waits are the same on every run. */
function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}
/** What a dispatcher would claim at `now`, claimed at once (the tests' stand-in for workers that are all free). */
const claimDueWebhooks = (now: number) =>
  dueWebhooks(db, now, 10)
    .map((due) => claimWebhook(db, due, now))
    .filter((claim): claim is WebhookClaim => claim !== null);
const unfinished = () => db.$client.prepare("SELECT COUNT(*) FROM deliveries WHERE state = 'queued'").pluck().get() as number;
/** When the next retry falls due after `clock`. */
const nextDue = (clock: number) =>
  db.$client
    .prepare("SELECT MIN(next_attempt_at) FROM deliveries WHERE state = 'queued' AND next_attempt_at > ?")
    .pluck()
    .get(clock) as number;

let receiver: Receiver;
const secret = generateWebhookSecret();
async function receive(answer: (a: Parameters<Parameters<typeof startReceiver>[0]["answer"]>[0], previous: number) => Answer) {
  receiver = await startReceiver({
    secrets: [secret],
    answer: (a, all) => answer(a, all.filter((p) => p.webhookId === a.webhookId).length),
  });
  return receiver;
}
beforeEach(() => clearPropagation(db));
afterEach(async () => receiver?.close());

describe("the dispatcher's writes", () => {
  it("go through the store it is given (the server's writer thread), never its own connection", async () => {
    await receive((_a, previous) => (previous === 0 ? { status: 500 } : { status: 204 }));
    const r = addTestRecipient(db, "Mailer", { kind: "webhook", url: receiver.url("/w"), secret });
    for (let person = 1; person <= 3; person++)
      addTestEvent(db, {
        subjectId: person,
        type: "consent.changed",
        occurredAt: T0 + person * 1000,
        to: [{ recipientId: r.recipientId, identifiers: { externalId: `c-${person}` } }],
      });
    const calls = { claim: 0, record: 0, recorded: 0 };
    // As the writer thread would: the same operations on a connection of their own, answered later.
    const other = openDatabase(temp.file);
    const store = {
      claim: async (round: Parameters<typeof claimWebhooks>[1], at: number) => (calls.claim++, claimWebhooks(other, round, at)),
      record: async (answered: Parameters<typeof recordWebhookAttempts>[1], at: number) => {
        calls.record++;
        calls.recorded += answered.length;
        return recordWebhookAttempts(other, answered, at, () => 0.5);
      },
    };
    const spy = vi.spyOn(db.$client, "transaction");
    let clock = T0 + 60_000;
    for (let round = 0; round < 10 && unfinished() > 0; round++) {
      const result = await dispatchWebhooks(db, sender(), { now: () => clock, store });
      if (result.claimed === 0) clock = nextDue(clock);
    }
    other.$client.close();
    expect(unfinished()).toBe(0);
    expect(calls.claim).toBeGreaterThanOrEqual(2);
    expect(calls.recorded).toBe(6); // each delivery failed once, then was delivered
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("webhook delivery to a receiver that fails first", () => {
  it("delivers every event once per recipient, under one webhook-id across its retries, verified and in per-person order", async () => {
    const rotatedSecret = generateWebhookSecret();
    const oldSecret = generateWebhookSecret();
    const failuresOf = (id: string) => [...id].reduce((n, c) => n + c.charCodeAt(0), 0) % 4; // 0 to 3 failures per delivery
    receiver = await startReceiver({
      secrets: [secret, rotatedSecret, oldSecret],
      answer: (a, all) => {
        const before = all.filter((p) => p.webhookId === a.webhookId).length;
        return before < failuresOf(a.webhookId) ? { status: before % 2 ? 503 : 500, body: "try later" } : { status: 202 };
      },
    });
    const a = addTestRecipient(db, "Mailer", { kind: "webhook", url: receiver.url("/a"), secret });
    // Mid-rotation: both secrets sign.
    const b = addTestRecipient(db, "Crm", {
      kind: "webhook",
      url: receiver.url("/b"),
      secret: rotatedSecret,
      previousSecret: oldSecret,
      rotatedAt: T0 - 3_600_000,
    });
    const expected = new Map<string, { path: string; person: string; sequence: number }>();
    for (let step = 0; step < 3; step++)
      for (let person = 1; person <= 6; person++) {
        const e = addTestEvent(db, {
          subjectId: person,
          type: step === 2 ? "subject.erased" : "consent.changed",
          occurredAt: T0 + (step * 6 + person) * 1000,
          to: [
            { recipientId: a.recipientId, identifiers: { externalId: `c-${person}` } },
            { recipientId: b.recipientId, identifiers: { externalId: `c-${person}`, email: `p${person}@example.com` } },
          ],
        });
        for (const d of e.deliveries)
          expected.set(d.uid, { path: d.recipientId === a.recipientId ? "/a" : "/b", person: `c-${person}`, sequence: e.eventId });
      }

    let clock = T0 + 60_000;
    const random = seeded(7);
    for (let round = 0; round < 200 && unfinished() > 0; round++) {
      const r = await dispatchWebhooks(db, sender(), { now: () => clock, random, concurrency: 4 });
      if (r.claimed === 0) clock = nextDue(clock);
    }
    expect(unfinished()).toBe(0);

    const attempts = receiver.attempts;
    // Every attempt verifies with the standardwebhooks package, under its recipient's secrets only.
    for (const t of attempts) expect(t.verified).toEqual(t.path === "/a" ? [true, false, false] : [false, true, true]);
    // Each delivery: one webhook-id on every attempt, its failures then one 2xx.
    for (const [uid, where] of expected) {
      const mine = attempts.filter((t) => t.webhookId === uid);
      expect(mine.map((t) => t.path)).toEqual(mine.map(() => where.path));
      expect(mine.map((t) => t.event?.sequence)).toEqual(mine.map(() => where.sequence));
      expect(mine.map((t) => t.status >= 200 && t.status < 300)).toEqual([...Array(failuresOf(uid)).fill(false), true]);
      expect(deliveryRow(db, db.$client.prepare("SELECT id FROM deliveries WHERE uid = ?").pluck().get(uid) as number)).toMatchObject({
        state: "delivered",
        deliveredVia: "webhook",
        attempts: failuresOf(uid) + 1,
      });
    }
    // No event arrives under two ids at one recipient, and none arrives that was not queued.
    const idsPerEvent = new Map<string, Set<string>>();
    for (const t of attempts) {
      const key = `${t.path} ${t.event?.id}`;
      idsPerEvent.set(key, (idsPerEvent.get(key) ?? new Set()).add(t.webhookId));
      expect(expected.has(t.webhookId)).toBe(true);
    }
    expect([...idsPerEvent.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(idsPerEvent.size).toBe(expected.size);
    // Per recipient and person, attempts follow the events' order: nothing later goes while an earlier one is unfinished.
    for (const path of ["/a", "/b"])
      for (let person = 1; person <= 6; person++) {
        const seqs = attempts.filter((t) => t.path === path && t.event?.subject.externalId === `c-${person}`).map((t) => t.event!.sequence);
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      }
    // Only what each holds: the email reaches only the recipient that was sent emails.
    expect(attempts.filter((t) => t.path === "/a").every((t) => t.event?.subject.email === undefined)).toBe(true);
  });
});

describe("attempt outcomes", () => {
  const one = (recipientId: number, subjectId = 1, occurredAt = T0) =>
    addTestEvent(db, { subjectId, occurredAt, to: [{ recipientId, identifiers: { externalId: `c-${subjectId}` } }] }).deliveries[0];

  it("disables the path on 410 Gone, tells the officer in the audit log, and puts the delivery back in the queue", async () => {
    await receive(() => ({ status: 410, body: "gone" }));
    const r = addTestRecipient(db, "Gone", { kind: "webhook", url: receiver.url(), secret });
    const d = one(r.recipientId);
    const audits = () =>
      db.$client
        .prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'recipient.path.gone' AND target_id = ?")
        .pluck()
        .get(String(r.recipientId));
    const before = audits() as number;
    expect(await dispatchWebhooks(db, sender(), { now: () => T0 })).toMatchObject({ claimed: 1, disabled: 1 });
    expect(db.$client.prepare("SELECT status, disabled_reason AS reason FROM recipient_paths WHERE id = ?").get(r.pathId)).toEqual({
      status: "disabled",
      reason: "gone",
    });
    expect(deliveryRow(db, d.id)).toMatchObject({
      state: "queued",
      claimedAt: null,
      lastOutcome: "410",
      lastResponse: "gone",
      attempts: 1,
    });
    expect(audits()).toBe(before + 1);
    // A disabled path carries nothing more.
    expect(await dispatchWebhooks(db, sender(), { now: () => T0 + 3_600_000 })).toMatchObject({ claimed: 0 });
    expect(receiver.attempts).toHaveLength(1);
  });

  it("retries after a timeout, a refused endpoint, a redirect and an error, keeping 1 KB of the answer", async () => {
    await receive((a) =>
      a.path === "/slow"
        ? "hang"
        : a.path === "/moved"
          ? { status: 308, headers: { location: "/elsewhere" } }
          : { status: 500, body: "x".repeat(5000) },
    );
    const slow = addTestRecipient(db, "Slow", { kind: "webhook", url: receiver.url("/slow"), secret });
    const moved = addTestRecipient(db, "Moved", { kind: "webhook", url: receiver.url("/moved"), secret });
    const broken = addTestRecipient(db, "Broken", { kind: "webhook", url: receiver.url("/broken"), secret });
    const refused = addTestRecipient(db, "Internal", { kind: "webhook", url: "https://10.0.0.1/hook", secret });
    const ds = [slow, moved, broken, refused].map((r) => one(r.recipientId));
    const strict: SendWebhook = (t) =>
      sendWebhook(t, {
        check: (u) => checkEndpoint(u, async () => ["127.0.0.1"], { allowInsecure: !u.includes("10.0.0.1") }),
        timeoutMs: 300,
      });
    expect(await dispatchWebhooks(db, strict, { now: () => T0, random: () => 0 })).toMatchObject({ claimed: 4, retrying: 4 });
    const rows = ds.map((d) => deliveryRow(db, d.id));
    expect(rows.map((r) => r.lastOutcome)).toEqual(["timeout", "308", "500", "not-public"]);
    for (const r of rows)
      expect(r).toMatchObject({ state: "queued", attempts: 1, firstAttemptAt: T0, nextAttemptAt: T0 + 15_000, claimedAt: null });
    expect(rows[2].lastResponse).toBe("x".repeat(1024));
    expect(receiver.attempts.map((a) => a.path).sort()).toEqual(["/broken", "/moved", "/slow"]);
  });

  it("parks after 72 hours and five attempts, and a parked delivery no longer holds the person's later ones back", async () => {
    await receive((a) => (a.event?.sequence === first.eventId ? { status: 500 } : { status: 200 }));
    const r = addTestRecipient(db, "Down", { kind: "webhook", url: receiver.url(), secret });
    const first = addTestEvent(db, {
      subjectId: 9,
      occurredAt: T0,
      to: [{ recipientId: r.recipientId, identifiers: { externalId: "c-9" } }],
    });
    const later = one(r.recipientId, 9, T0 + 1000);
    let clock = T0;
    const random = seeded(3);
    for (let i = 0; i < 60 && deliveryRow(db, first.deliveries[0].id).state === "queued"; i++) {
      await dispatchWebhooks(db, sender(), { now: () => clock, random });
      expect(deliveryRow(db, later.id).attempts).toBe(0); // held back while the first retries
      clock = deliveryRow(db, first.deliveries[0].id).nextAttemptAt;
    }
    const parked = deliveryRow(db, first.deliveries[0].id);
    expect(parked.state).toBe("parked");
    expect(parked.attempts).toBeGreaterThanOrEqual(MIN_ATTEMPTS_BEFORE_PARKING);
    expect(clock - T0).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    await dispatchWebhooks(db, sender(), { now: () => clock, random });
    expect(deliveryRow(db, later.id)).toMatchObject({ state: "delivered", attempts: 1 });
  });

  it("retries a claim lost to a crash under the same webhook-id once the claim has expired, and ignores the lost attempt's late answer", async () => {
    await receive(() => ({ status: 200 }));
    const r = addTestRecipient(db, "Crashy", { kind: "webhook", url: receiver.url(), secret });
    const d = one(r.recipientId);
    const [lost] = claimDueWebhooks(T0);
    expect(lost.webhookId).toBe(d.uid);
    expect(claimDueWebhooks(T0 + CLAIM_EXPIRY_MS - 1)).toEqual([]);
    const [again] = claimDueWebhooks(T0 + CLAIM_EXPIRY_MS);
    expect(again).toMatchObject({ webhookId: d.uid, attempts: 2, firstAttemptAt: T0 });
    expect(recordWebhookAttempt(db, lost, { outcome: 500, body: "late" }, T0 + CLAIM_EXPIRY_MS + 5, Math.random)).toBe("lost");
    expect(recordWebhookAttempt(db, again, { outcome: 204, body: "" }, T0 + CLAIM_EXPIRY_MS + 10, Math.random)).toBe("delivered");
    expect(deliveryRow(db, d.id)).toMatchObject({ state: "delivered", attempts: 2, lastOutcome: "204" });
  });

  it("sends only the oldest unfinished delivery per recipient and person, skipping deliveries without identifiers", async () => {
    await receive(() => ({ status: 200 }));
    const r = addTestRecipient(db, "Ordered", { kind: "webhook", url: receiver.url(), secret });
    const blind = addTestEvent(db, { subjectId: 1, occurredAt: T0 - 1000, to: [{ recipientId: r.recipientId, identifiers: null }] })
      .deliveries[0];
    const first = one(r.recipientId, 1, T0);
    const second = one(r.recipientId, 1, T0 + 1);
    const other = one(r.recipientId, 2, T0 + 2);
    const claims = claimDueWebhooks(T0 + 10);
    expect(claims.map((c) => c.deliveryId).sort()).toEqual([first.id, other.id].sort());
    for (const c of claims) recordWebhookAttempt(db, c, { outcome: 200, body: "" }, T0 + 20, Math.random);
    expect(claimDueWebhooks(T0 + 30).map((c) => c.deliveryId)).toEqual([second.id]);
    expect(deliveryRow(db, blind.id)).toMatchObject({ state: "queued", attempts: 0 });
  });
});

describe("runs beside the server's other work and other dispatchers", () => {
  const one = (recipientId: number, subjectId = 1, occurredAt = T0) =>
    addTestEvent(db, { subjectId, occurredAt, to: [{ recipientId, identifiers: { externalId: `c-${subjectId}` } }] }).deliveries[0];
  /** Another connection, as another process would write: its write lock, and a short busy wait on the dispatcher's side. */
  function otherWriter() {
    const other = openDatabase(temp.file);
    db.$client.pragma("busy_timeout = 20");
    return {
      lock: () => other.$client.exec("BEGIN IMMEDIATE"),
      unlock: () => other.$client.inTransaction && other.$client.exec("ROLLBACK"),
      close: () => {
        if (other.$client.inTransaction) other.$client.exec("ROLLBACK");
        other.$client.close();
        db.$client.pragma("busy_timeout = 5000");
      },
    };
  }
  const ok: SendWebhook = async () => ({ outcome: 200, body: null });

  it("finds nothing to send without taking the write lock, however many feed-only and unnamed deliveries wait", async () => {
    const feed = addTestRecipient(db, "Feed", { kind: "feed" });
    const hook = addTestRecipient(db, "Hook", { kind: "webhook", url: "https://hooks.example.com/", secret });
    for (let p = 1; p <= 200; p++) one(feed.recipientId, p);
    for (let p = 1; p <= 20; p++)
      addTestEvent(db, { subjectId: 500 + p, occurredAt: T0, to: [{ recipientId: hook.recipientId, identifiers: null }] });
    const retrying = one(hook.recipientId, 900);
    db.$client.prepare("UPDATE deliveries SET attempts = 1, next_attempt_at = ? WHERE id = ?").run(T0 + 60_000, retrying.id);
    const other = otherWriter();
    other.lock();
    try {
      const sent: string[] = [];
      const result = await dispatchWebhooks(db, async (t) => (sent.push(t.webhookId), { outcome: 200, body: null }), {
        now: () => T0 + 1000,
      });
      expect(result).toMatchObject({ claimed: 0, delivered: 0 });
      expect(sent).toEqual([]);
    } finally {
      other.close();
    }
  });

  it("sends to each recipient in a lane of its own, so an endpoint that hangs holds up only its own deliveries", async () => {
    const hanging = addTestRecipient(db, "Hanging", { kind: "webhook", url: "https://hang.example.com/", secret });
    const healthy = addTestRecipient(db, "Healthy", { kind: "webhook", url: "https://ok.example.com/", secret });
    // The hanging recipient's deliveries are older, so they come first in what is due.
    for (let p = 1; p <= 4; p++) one(hanging.recipientId, 100 + p, T0 - 60_000);
    for (let p = 1; p <= 4; p++) one(healthy.recipientId, 200 + p, T0);
    const started = Date.now();
    const answeredAfter: number[] = [];
    const send: SendWebhook = async (t) => {
      if (t.url.startsWith("https://hang.")) {
        await new Promise((resolve) => setTimeout(resolve, 400)); // the sender's timeout, shortened
        return { outcome: "timeout", body: null };
      }
      answeredAfter.push(Date.now() - started);
      return { outcome: 200, body: null };
    };
    const result = await dispatchWebhooks(db, send, { now: () => T0 + 1000, concurrency: 2, random: () => 0 });
    expect(result).toMatchObject({ claimed: 4, delivered: 2, retrying: 2 });
    // With one pool of two workers, both would have waited out a timeout before the first healthy delivery left.
    expect(answeredAfter).toHaveLength(2);
    expect(Math.max(...answeredAfter)).toBeLessThan(300);
  });

  it("tries a silent endpoint one round per run, then lets it rest while the others go on", async () => {
    const down = addTestRecipient(db, "Down", { kind: "webhook", url: "https://down.example.com/", secret });
    const up = addTestRecipient(db, "Up", { kind: "webhook", url: "https://up.example.com/", secret });
    for (let p = 1; p <= 20; p++) one(down.recipientId, 300 + p, T0 - 60_000); // an outage's backlog, older than the rest
    const tried: string[] = [];
    const send: SendWebhook = async (t) => {
      tried.push(t.url);
      return t.url.startsWith("https://down.") ? { outcome: "timeout", body: null } : { outcome: 200, body: null };
    };
    const clock = T0 + 1000;
    expect(await dispatchWebhooks(db, send, { now: () => clock, concurrency: 2, random: () => 0 })).toMatchObject({
      claimed: 2,
      retrying: 2,
    });
    for (let p = 1; p <= 3; p++) one(up.recipientId, 400 + p, T0);
    // The next runs, at once: the healthy recipient's deliveries go; the silent one's other eighteen people wait.
    expect(await dispatchWebhooks(db, send, { now: () => clock + 10, concurrency: 2 })).toMatchObject({ claimed: 2, delivered: 2 });
    expect(await dispatchWebhooks(db, send, { now: () => clock + 20, concurrency: 2 })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(tried.filter((u) => u.startsWith("https://down.")).length).toBe(2);
    // Once its failed attempts' shortest wait has passed, it is tried again.
    await dispatchWebhooks(db, send, { now: () => clock + 16_000, concurrency: 2, random: () => 0 });
    expect(tried.filter((u) => u.startsWith("https://down.")).length).toBe(4);
  });

  it("claims a delivery only when a worker is free to send it, so a second dispatcher never takes one still waiting its turn", async () => {
    const r = addTestRecipient(db, "Busy", { kind: "webhook", url: "https://hooks.example.com/", secret });
    for (let p = 1; p <= 4; p++) one(r.recipientId, p);
    let clock = T0;
    const sent: string[] = [];
    // Each attempt of the first dispatcher takes 20 s (near its 10 s limit, then the outcome waits for the store), while a
    // second dispatcher (npm run deliveries left on beside the server) runs meanwhile.
    const slow: SendWebhook = async (t) => {
      sent.push(t.webhookId);
      clock += 20_000;
      await dispatchWebhooks(db, async (u) => (sent.push(u.webhookId), { outcome: 200, body: null }), { now: () => clock });
      return { outcome: 200, body: null };
    };
    await dispatchWebhooks(db, slow, { now: () => clock, concurrency: 1 });
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(4);
    expect(db.$client.prepare("SELECT SUM(attempts) FROM deliveries").pluck().get()).toBe(4);
  });

  it("claims a round in one transaction and records the answers that come back together in one more", async () => {
    const a = addTestRecipient(db, "Round A", { kind: "webhook", url: "https://a.example.com/", secret });
    const b = addTestRecipient(db, "Round B", { kind: "webhook", url: "https://b.example.com/", secret });
    for (let p = 1; p <= 3; p++) {
      one(a.recipientId, p);
      one(b.recipientId, p);
    }
    const transactions = vi.spyOn(db.$client, "transaction");
    try {
      expect(await dispatchWebhooks(db, ok, { now: () => T0 })).toMatchObject({ claimed: 6, delivered: 6 });
      // One commit per attempt and one per claim was the dispatcher's main cost under ingest (each writes its pages to the WAL).
      expect(transactions).toHaveBeenCalledTimes(2);
    } finally {
      transactions.mockRestore();
    }
  });

  it("ends a run only once all its workers have, when an outcome cannot be recorded, and counts the failure", async () => {
    const r = addTestRecipient(db, "Locked", { kind: "webhook", url: "https://hooks.example.com/", secret });
    const a = one(r.recipientId, 1);
    const b = one(r.recipientId, 2);
    const other = otherWriter();
    try {
      const send: SendWebhook = async (t) => {
        if (t.deliveryId === a.id) {
          // Another process takes the write lock as this answer comes back: recording it fails (SQLITE_BUSY).
          await new Promise((resolve) => setImmediate(resolve));
          other.lock();
          return { outcome: 200, body: null };
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        other.unlock();
        return { outcome: 200, body: null };
      };
      const result = await dispatchWebhooks(db, send, { now: () => T0, concurrency: 2 });
      expect(result).toMatchObject({ claimed: 2, delivered: 1, failed: 1 });
      expect(deliveryRow(db, b.id)).toMatchObject({ state: "delivered" });
      // The unrecorded attempt is tried again once its claim runs out (at least once; the recipient dedupes by webhook-id).
      expect(deliveryRow(db, a.id)).toMatchObject({ state: "queued", claimedAt: T0, attempts: 1 });
      expect(await dispatchWebhooks(db, ok, { now: () => T0 + CLAIM_EXPIRY_MS })).toMatchObject({ claimed: 1, delivered: 1 });
    } finally {
      other.close();
    }
  });
});
