import { describe, expect, it } from "vitest";
import { requestStatuses, isOpen } from "./vocabulary";
import { decideRequest, isAbandoned } from "./workflow";

const now = new Date("2026-11-25T12:00:00Z");
const due = new Date("2026-12-25T23:59:59Z");
const base = { status: "received" as const, verifiedAt: null, extendedAt: null, dueAt: due, needsVerification: true };

describe("decideRequest", () => {
  it("moves a request through verification to completion", () => {
    expect(decideRequest(base, "start-verification", { now })).toEqual({ ok: true, next: "verifying" });
    expect(decideRequest({ ...base, status: "verifying" }, "verify", { now })).toEqual({ ok: true, next: "in_progress" });
    expect(decideRequest({ ...base, status: "in_progress", verifiedAt: now }, "complete", { now })).toEqual({
      ok: true,
      next: "completed",
    });
  });

  it("never completes an unverified request that needs verification", () => {
    expect(decideRequest({ ...base, status: "in_progress" }, "complete", { now })).toEqual({ ok: false, reason: "not-verified" });
    expect(decideRequest({ ...base, status: "in_progress", needsVerification: false }, "complete", { now }).ok).toBe(true);
  });

  it("skips verification for types that need none", () => {
    expect(decideRequest({ ...base, needsVerification: false }, "start-verification", { now }).ok).toBe(false);
  });

  it("rejects only with a reason, and only while open", () => {
    expect(decideRequest(base, "reject", { now, reason: " " })).toEqual({ ok: false, reason: "reason-required" });
    expect(decideRequest(base, "reject", { now, reason: "Could not verify" })).toEqual({ ok: true, next: "rejected" });
    expect(decideRequest({ ...base, status: "completed" }, "reject", { now, reason: "x" }).ok).toBe(false);
  });

  it("extends once, with a reason, before the deadline, where the law allows", () => {
    const extendedDue = new Date("2027-02-25T23:59:59Z");
    expect(decideRequest(base, "extend", { now, reason: "Many systems to search", extendedDue })).toEqual({ ok: true, next: "received" });
    expect(decideRequest({ ...base, extendedAt: now }, "extend", { now, reason: "again", extendedDue })).toEqual({
      ok: false,
      reason: "already-extended",
    });
    expect(decideRequest(base, "extend", { now: new Date("2026-12-26T00:00:00Z"), reason: "late", extendedDue })).toEqual({
      ok: false,
      reason: "past-due",
    });
    expect(decideRequest(base, "extend", { now, reason: "x", extendedDue: null })).toEqual({ ok: false, reason: "no-extension" });
    expect(decideRequest(base, "extend", { now, extendedDue })).toEqual({ ok: false, reason: "reason-required" });
  });
});

describe("isAbandoned and isOpen", () => {
  it("closes requests left unverified past the period", () => {
    const receivedAt = new Date("2026-11-01T00:00:00Z");
    expect(isAbandoned({ status: "verifying", receivedAt }, 21, now)).toBe(true);
    expect(isAbandoned({ status: "verifying", receivedAt }, 30, now)).toBe(false);
    expect(isAbandoned({ status: "in_progress", receivedAt }, 1, now)).toBe(false);
  });

  it("knows which statuses are open", () => {
    expect(requestStatuses.map((s) => isOpen(s))).toEqual([true, true, true, false, false]);
  });
});
