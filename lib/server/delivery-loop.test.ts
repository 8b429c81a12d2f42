import { describe, expect, it } from "vitest";
import { deliveryLoop, type DeliveryWork } from "./delivery-loop";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const none = { claimed: 0, delivered: 0, retrying: 0, parked: 0, disabled: 0, failed: 0 };
const noEmails = { notices: 0, digests: 0, deliveries: 0, more: false };
const noScrub = { people: 0, deliveries: 0, events: 0, messages: 0 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function recorder(batches: number[] = []) {
  let inFlight = 0;
  let most = 0;
  const calls = { webhooks: 0, emails: 0, scrub: 0 };
  const work: DeliveryWork = {
    emails: async () => {
      calls.emails++;
      return noEmails;
    },
    webhooks: async () => {
      calls.webhooks++;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => setTimeout(resolve, 20));
      inFlight--;
      return { ...none, claimed: batches.shift() ?? 0 };
    },
    scrub: async () => {
      calls.scrub++;
      return noScrub;
    },
    emptyWal: async () => null,
  };
  return { work, calls, most: () => most };
}

describe("deliveryLoop", () => {
  it("runs again while the email path says more wait, and stops when none do", async () => {
    const r = recorder();
    const waiting = [true, true, false];
    r.work.emails = async () => {
      r.calls.emails++;
      return { ...noEmails, more: waiting.shift() ?? false };
    };
    const loop = deliveryLoop(r.work, { log: quiet, pollMs: 60_000, minGapMs: 0 });
    await loop.runOnce();
    await loop.stop();
    expect(r.calls.emails).toBe(3);
  });

  it("never runs twice at once: wakes during a run make one more run after it", async () => {
    const r = recorder();
    const loop = deliveryLoop(r.work, { log: quiet, pollMs: 60_000 });
    loop.wake();
    loop.wake();
    loop.wake();
    await tick();
    loop.wake();
    await loop.runOnce();
    await loop.stop();
    expect(r.most()).toBe(1);
    expect(r.calls.webhooks).toBeGreaterThanOrEqual(2);
    expect(r.calls.webhooks).toBeLessThanOrEqual(3);
  });

  it("starts runs at least the least gap apart however often it is woken, so a burst of commits makes few runs", async () => {
    const r = recorder();
    const loop = deliveryLoop(r.work, { log: quiet, pollMs: 60_000, minGapMs: 40 });
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      loop.wake();
      await tick();
    }
    await loop.runOnce();
    const elapsed = performance.now() - started;
    await loop.stop();
    // Twenty wakes and a final run: the first runs at once, the rest gather into runs 40 ms apart.
    expect(r.calls.emails).toBeLessThanOrEqual(2 + Math.floor(elapsed / 40));
    expect(r.calls.emails).toBeLessThan(20);
    expect(r.calls.emails).toBeGreaterThanOrEqual(2);
  });

  it("sends batch after batch while deliveries are claimed, and stops when none is due", async () => {
    const r = recorder([100, 100, 7, 0]);
    const loop = deliveryLoop(r.work, { log: quiet, pollMs: 60_000 });
    await loop.runOnce();
    await loop.stop();
    expect(r.calls.webhooks).toBe(4);
    expect(r.calls.emails).toBe(1);
  });

  it("scrubs on the first run and then only once the interval has passed", async () => {
    let now = 0;
    const r = recorder();
    const loop = deliveryLoop(r.work, { log: quiet, pollMs: 60_000, scrubEveryMs: 1000, now: () => now });
    await loop.runOnce();
    now = 999;
    await loop.runOnce();
    expect(r.calls.scrub).toBe(1);
    now = 1000;
    await loop.runOnce();
    expect(r.calls.scrub).toBe(2);
    await loop.stop();
  });

  it("keeps going after a run fails, logging it", async () => {
    const errors: unknown[] = [];
    let fail = true;
    const r = recorder();
    const work = { ...r.work, emails: async () => (fail ? Promise.reject(new Error("database is locked")) : noEmails) };
    const loop = deliveryLoop(work, { log: { ...quiet, error: (fields) => errors.push(fields.err) }, pollMs: 60_000 });
    await loop.runOnce();
    fail = false;
    await loop.runOnce();
    await loop.stop();
    expect(errors).toHaveLength(1);
    expect(r.calls.webhooks).toBe(1);
  });

  it("tries again to empty the WAL on every run after a scrub could not, until it is emptied, warning once", async () => {
    let now = 0;
    const answers = [false, false, true];
    let tries = 0;
    const warnings: string[] = [];
    const infos: string[] = [];
    const r = recorder();
    const work: DeliveryWork = {
      ...r.work,
      scrub: async () => ({ ...noScrub, people: 1, deliveries: 3, walEmptied: false }),
      emptyWal: async () => {
        tries++;
        return answers.shift() ?? null;
      },
    };
    const log = { ...quiet, warn: (_: unknown, m: string) => warnings.push(m), info: (_: unknown, m: string) => infos.push(m) };
    const loop = deliveryLoop(work, { log, pollMs: 60_000, scrubEveryMs: 600_000, now: () => now });
    await loop.runOnce(); // scrubs; a reader keeps the WAL
    for (now = 5_000; now <= 20_000; now += 5_000) await loop.runOnce();
    await loop.stop();
    expect(tries).toBe(4); // every run after the scrub, the last finding nothing pending
    expect(warnings.filter((m) => m.includes("WAL"))).toHaveLength(1);
    expect(infos.filter((m) => m.includes("WAL is emptied"))).toHaveLength(1);
  });
});
