import { describe, expect, it } from "vitest";
import { effectiveState, isStale, nextState, type AppliedEvent, type ConsentStateValue } from "./state";
import { DAY_MS as DAY } from "../time";

const purpose = { channels: ["email", "push", "sms"], validityDays: 730 };
let id = 0;
const ev = (event: AppliedEvent["event"], at: number, channel: string | null = null, extra: Partial<AppliedEvent> = {}): AppliedEvent => ({
  id: ++id,
  event,
  channel,
  occurredAt: at,
  noticeVersionId: 1,
  gpc: false,
  ...extra,
});
const run = (...events: AppliedEvent[]) => events.reduce<ConsentStateValue | null>((s, e) => nextState(s, e, purpose), null)!;

describe("nextState", () => {
  it("grants every channel of the purpose and sets the expiry", () => {
    const s = run(ev("granted", 1000));
    expect(s).toMatchObject({ state: "granted", channels: ["email", "push", "sms"], expiresAt: 1000 + 730 * DAY });
  });

  it("grants one channel at a time and withdraws the purpose with its last channel", () => {
    const s1 = run(ev("granted", 1, "email"), ev("granted", 2, "sms"));
    expect(s1).toMatchObject({ state: "granted", channels: ["email", "sms"] });
    const s2 = nextState(s1, ev("withdrawn", 3, "email"), purpose);
    expect(s2).toMatchObject({ state: "granted", channels: ["sms"] });
    const s3 = nextState(s2, ev("withdrawn", 4, "sms"), purpose);
    expect(s3).toMatchObject({ state: "withdrawn", channels: [], expiresAt: null });
  });

  it("keeps the expiry of a grant when only a channel is withdrawn", () => {
    const s = run(ev("granted", 10), ev("withdrawn", 20, "push"));
    expect(s.expiresAt).toBe(10 + 730 * DAY);
  });

  it("withdraws everything with a purpose-level withdrawal", () => {
    expect(run(ev("granted", 1), ev("withdrawn", 2))).toMatchObject({ state: "withdrawn", channels: [] });
  });

  it("ignores an event older than the current state, so replays and late arrivals cannot rewind it", () => {
    const s = run(ev("withdrawn", 50), ev("granted", 40));
    expect(s.state).toBe("withdrawn");
    expect(s.decidedAt).toBe(50);
  });

  it("orders events at the same instant by ledger id", () => {
    expect(run(ev("granted", 5), ev("denied", 5)).state).toBe("denied");
  });

  it("records a denial or expiry with no channels", () => {
    expect(run(ev("denied", 1))).toMatchObject({ state: "denied", channels: [] });
    expect(run(ev("granted", 1), ev("expired", 2))).toMatchObject({ state: "expired", channels: [] });
  });

  it("has no expiry when the purpose has no validity period", () => {
    expect(nextState(null, ev("granted", 1), { channels: [], validityDays: null }).expiresAt).toBeNull();
  });

  it("remembers that the latest decision came from a GPC signal", () => {
    expect(run(ev("withdrawn", 1, null, { gpc: true })).gpc).toBe(true);
  });
});

describe("effectiveState", () => {
  it("treats a grant past its expiry as expired at read time", () => {
    expect(effectiveState({ state: "granted", expiresAt: 100 }, 100)).toBe("expired");
    expect(effectiveState({ state: "granted", expiresAt: 100 }, 99)).toBe("granted");
    expect(effectiveState({ state: "granted", expiresAt: null }, 1e15)).toBe("granted");
    expect(effectiveState(null, 0)).toBe("none");
  });
});

describe("isStale", () => {
  it("marks grants decided before a material change", () => {
    expect(isStale({ state: "granted", decidedAt: 10 }, 20)).toBe(true);
    expect(isStale({ state: "granted", decidedAt: 30 }, 20)).toBe(false);
    expect(isStale({ state: "withdrawn", decidedAt: 10 }, 20)).toBe(false);
    expect(isStale({ state: "granted", decidedAt: 10 }, null)).toBe(false);
  });
});
