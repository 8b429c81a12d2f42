import fs from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS, RETRY_DELAYS_MS, SEND_TIMEOUT_MS } from "@/lib/outbox/retry";
import { ERASED_ADDRESS } from "@/lib/outbox/send-error";
import { openDatabase } from "../connection";
import { dispatchOutbox, type OutgoingMessage } from "./outbox-dispatch";
import { createTempDatabase } from "../testing/temp-db";
import { DAY_MS } from "@/lib/time";

const temp = createTempDatabase("outbox");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});
beforeEach(() => {
  db.$client.prepare("DELETE FROM outbox").run();
});

const T0 = Date.parse("2026-03-02T09:00:00Z");
const MIN = 60_000;
const clock = (at: number) => ({ now: () => at });
const enqueue = (to: string, scrub = false) =>
  Number(
    db.$client
      .prepare(
        "INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, scrub_address, created_at) VALUES (?, 'test', 'en', 's', 'b', 'pending', ?, 0)",
      )
      .run(to, scrub ? 1 : 0).lastInsertRowid,
  );
type Row = {
  toAddress: string;
  status: string;
  error: string | null;
  attempts: number;
  nextAttemptAt: number | null;
  claimedAt: number | null;
  sentAt: number | null;
};
const row = (id: number) =>
  db.$client
    .prepare(
      "SELECT to_address AS toAddress, status, error, attempts, next_attempt_at AS nextAttemptAt, claimed_at AS claimedAt, sent_at AS sentAt FROM outbox WHERE id = ?",
    )
    .get(id) as Row;
const fileBytes = () =>
  Buffer.concat([fs.readFileSync(temp.file), fs.existsSync(`${temp.file}-wal`) ? fs.readFileSync(`${temp.file}-wal`) : Buffer.alloc(0)]);

describe("dispatchOutbox", () => {
  it("sends a code queued behind a policy announcement to many people first, then the announcement", async () => {
    const insert = db.$client.prepare(
      "INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at) VALUES (?, ?, 'en', 's', 'b', 'pending', 0)",
    );
    for (let i = 0; i < 120; i++) insert.run(`reader${i}@example.com`, "policy-change");
    insert.run("asks@example.com", "request-code");
    const seen: string[] = [];
    await dispatchOutbox(db, async (m) => void seen.push(m.toAddress), { ...clock(T0), limit: 50 });
    expect(seen).toHaveLength(50);
    expect(seen[0]).toBe("asks@example.com");
    expect(seen.slice(1)).toEqual(Array.from({ length: 49 }, (_, i) => `reader${i}@example.com`));
  });

  it("sends a verification code queued behind a backlog of answers and staff notices before all of them", async () => {
    const insert = db.$client.prepare(
      "INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at) VALUES (?, ?, 'en', 's', 'b', 'pending', 0)",
    );
    for (let i = 0; i < 60; i++) insert.run(`asker${i}@example.com`, i % 2 ? "request-received" : "staff-notice");
    insert.run("waiting@example.com", "preferences-code");
    insert.run("verifying@example.com", "request-code");
    const seen: string[] = [];
    await dispatchOutbox(db, async (m) => void seen.push(m.toAddress), { ...clock(T0), limit: 10 });
    expect(seen.slice(0, 2)).toEqual(["waiting@example.com", "verifying@example.com"]);
    expect(seen.slice(2)).toEqual(Array.from({ length: 8 }, (_, i) => `asker${i}@example.com`));
  });

  it("sends each due message once; a failed one waits a minute and keeps its reason", async () => {
    const ok = enqueue("ok@example.com");
    const bad = enqueue("bad@example.com");
    const seen: string[] = [];
    const result = await dispatchOutbox(
      db,
      async (m) => {
        seen.push(m.toAddress);
        if (m.toAddress.startsWith("bad")) throw new Error("451 4.3.0 <bad@example.com> mailbox busy");
      },
      clock(T0),
    );
    expect(result).toEqual({ claimed: 2, sent: 1, retrying: 1, failed: 0, recovered: 0 });
    expect(seen).toEqual(["ok@example.com", "bad@example.com"]);
    expect(row(ok)).toMatchObject({ toAddress: "ok@example.com", status: "sent", error: null, attempts: 1, sentAt: T0 });
    expect(row(bad)).toMatchObject({
      toAddress: "bad@example.com",
      status: "pending",
      error: "451 4.3.0 <[redacted]> mailbox busy",
      attempts: 1,
      nextAttemptAt: T0 + MIN,
      claimedAt: null,
    });

    // Not before its time; then tried again and sent.
    expect((await dispatchOutbox(db, async () => {}, clock(T0 + MIN - 1))).claimed).toBe(0);
    expect(await dispatchOutbox(db, async () => {}, clock(T0 + MIN))).toMatchObject({ claimed: 1, sent: 1 });
    expect(row(bad)).toMatchObject({ status: "sent", error: null, attempts: 2 });
  });

  it("never sends a message twice when two dispatchers run at once", async () => {
    const ids = Array.from({ length: 8 }, (_, i) => enqueue(`p${i}@example.com`));
    const sends = new Map<number, number>();
    const send = async (m: OutgoingMessage) => {
      sends.set(m.id, (sends.get(m.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    };
    const [a, b] = await Promise.all([dispatchOutbox(db, send, clock(T0)), dispatchOutbox(db, send, clock(T0))]);
    expect(a.sent + b.sent).toBe(8);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(ids.map((id) => sends.get(id))).toEqual(ids.map(() => 1));
  });

  it("retries and sends a message whose sender was killed mid-send, once the claim has timed out", async () => {
    const id = enqueue("crash.victim@example.com", true);
    // The first dispatcher claims the message and never hears back: the process died mid-send.
    void dispatchOutbox(db, () => new Promise<never>(() => {}), clock(T0));
    expect(row(id)).toMatchObject({ status: "sending", attempts: 1, claimedAt: T0 });

    // Within the send timeout the claim holds: nobody else sends it.
    const sent: string[] = [];
    const send = async (m: OutgoingMessage) => void sent.push(m.toAddress);
    expect(await dispatchOutbox(db, send, clock(T0 + SEND_TIMEOUT_MS))).toMatchObject({ claimed: 0, recovered: 0 });
    expect(row(id).status).toBe("sending");

    // Past it, the lost attempt counts as failed and, its minute's wait long over, the message goes at once.
    const result = await dispatchOutbox(db, send, clock(T0 + SEND_TIMEOUT_MS + 1));
    expect(result).toEqual({ claimed: 1, sent: 1, retrying: 1, failed: 0, recovered: 1, walEmptied: true });
    expect(sent).toEqual(["crash.victim@example.com"]);
    expect(row(id)).toMatchObject({
      toAddress: ERASED_ADDRESS,
      status: "sent",
      error: null,
      attempts: 2,
      claimedAt: null,
      sentAt: T0 + SEND_TIMEOUT_MS + 1,
    });
    expect(fileBytes().includes(Buffer.from("crash.victim"))).toBe(false);
  });

  it("after the last failed attempt fails the message, scrubs the erased person's address and keeps the reason without it", async () => {
    const address = "Never.Delivered@example.org";
    const id = enqueue(address, true);
    const alwaysFails = async (m: OutgoingMessage) => {
      throw new Error(
        `550 5.1.1 <${m.toAddress.toLowerCase()}>: Recipient address rejected: user never.delivered unknown (smtp://mailer:s3cret@mx.local)`,
      );
    };
    let at = T0;
    for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt++) {
      expect(await dispatchOutbox(db, alwaysFails, clock(at))).toMatchObject({ claimed: 1, retrying: 1 });
      const r = row(id);
      expect(r).toMatchObject({
        toAddress: address,
        status: "pending",
        attempts: attempt,
        nextAttemptAt: at + RETRY_DELAYS_MS[attempt - 1],
      });
      expect((await dispatchOutbox(db, alwaysFails, clock(r.nextAttemptAt! - 1))).claimed).toBe(0);
      at = r.nextAttemptAt!;
    }
    expect(await dispatchOutbox(db, alwaysFails, clock(at))).toEqual({
      claimed: 1,
      sent: 0,
      retrying: 0,
      failed: 1,
      recovered: 0,
      walEmptied: true,
    });
    const last = row(id);
    expect(last).toMatchObject({
      toAddress: ERASED_ADDRESS,
      status: "failed",
      attempts: MAX_SEND_ATTEMPTS,
      nextAttemptAt: null,
      claimedAt: null,
      sentAt: null,
    });
    expect(last.error).toBe("550 5.1.1 <[redacted]>: Recipient address rejected: user [redacted] unknown (smtp:[redacted])");
    expect(await dispatchOutbox(db, alwaysFails, clock(at + DAY_MS))).toMatchObject({ claimed: 0 });
    // The checkpoint after the scrub leaves no old page with the address in the file or its WAL.
    for (const needle of [address, address.toLowerCase(), "never.delivered", "Never.Delivered", "s3cret"])
      expect(fileBytes().includes(Buffer.from(needle)), needle).toBe(false);
  });

  it("fails a lost send for good when it was the last attempt, scrubbing the address all the same", async () => {
    const id = enqueue("lost.forever@example.com", true);
    db.$client.prepare("UPDATE outbox SET status = 'sending', attempts = ?, claimed_at = ? WHERE id = ?").run(MAX_SEND_ATTEMPTS, T0, id);
    expect(await dispatchOutbox(db, async () => {}, clock(T0 + SEND_TIMEOUT_MS + 1))).toEqual({
      claimed: 0,
      sent: 0,
      retrying: 0,
      failed: 1,
      recovered: 1,
      walEmptied: true,
    });
    expect(row(id)).toMatchObject({
      toAddress: ERASED_ADDRESS,
      status: "failed",
      error: "no result within 10 minutes: the sender stopped mid-send",
    });
  });

  it("keeps an ordinary recipient's address when their message fails for good", async () => {
    const id = enqueue("keep.me@example.com");
    db.$client.prepare("UPDATE outbox SET attempts = ? WHERE id = ?").run(MAX_SEND_ATTEMPTS - 1, id);
    await dispatchOutbox(db, async () => Promise.reject(new Error("mailbox keep.me full")), clock(T0));
    expect(row(id)).toMatchObject({ toAddress: "keep.me@example.com", status: "failed", error: "mailbox keep.me full" });
  });
});
