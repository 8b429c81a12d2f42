import { describe, expect, it } from "vitest";
import { replayRefusal, supersedes, type SequencedEvent } from "./replay";

const ev = (
  id: number,
  type: SequencedEvent["type"],
  data: Record<string, unknown> | null = {},
  purposeId: number | null = null,
): SequencedEvent => ({
  id,
  type,
  purposeId,
  data,
});
const consent = (id: number, purposeId: number) => ev(id, "consent.changed", { purpose: "p" }, purposeId);
const rectified = (id: number, ...fields: string[]) =>
  ev(id, "subject.rectified", { changes: fields.map((field) => ({ field, value: "x" })) });

describe("supersedes", () => {
  it("lets a later consent change for the same purpose overtake an earlier one, never one for another purpose or an earlier one", () => {
    expect(supersedes(consent(5, 1), consent(3, 1))).toBe(true);
    expect(supersedes(consent(5, 2), consent(3, 1))).toBe(false);
    expect(supersedes(consent(3, 1), consent(5, 1))).toBe(false);
    expect(supersedes(consent(3, 1), consent(3, 1))).toBe(false);
  });

  it("never lets one type overtake another", () => {
    expect(supersedes(ev(9, "subject.erased"), ev(2, "subject.restricted"))).toBe(false);
    expect(supersedes(ev(9, "subject.erased"), consent(2, 1))).toBe(false);
  });

  it("lets any later erasure, restriction or limit overtake an earlier one of its type", () => {
    for (const type of ["subject.erased", "subject.restricted", "subject.limited"] as const)
      expect(supersedes(ev(9, type), ev(2, type))).toBe(true);
  });

  it("lets a rectification overtake an earlier one only when it corrects at least the same fields", () => {
    expect(supersedes(rectified(9, "name", "phone"), rectified(2, "name"))).toBe(true);
    expect(supersedes(rectified(9, "phone"), rectified(2, "name"))).toBe(false);
    expect(supersedes(rectified(9, "name"), rectified(2, "name", "phone"))).toBe(false);
  });

  it("lets an objection or opt-out overtake an earlier one only when it covers the same purposes or rights", () => {
    const objected = (id: number, ...purposes: string[]) => ev(id, "subject.objected", { purposes });
    const optedOut = (id: number, ...optOut: string[]) => ev(id, "subject.opted_out", { optOut, gpc: false });
    expect(supersedes(objected(9, "a", "b"), objected(2, "a"))).toBe(true);
    expect(supersedes(objected(9, "b"), objected(2, "a"))).toBe(false);
    expect(supersedes(optedOut(9, "sale", "sharing"), optedOut(2, "sale"))).toBe(true);
    expect(supersedes(optedOut(9, "sharing"), optedOut(2, "sale", "sharing"))).toBe(false);
  });

  it("assumes nothing when either side's data is gone or unreadable", () => {
    expect(supersedes(ev(9, "subject.rectified", null), rectified(2, "name"))).toBe(false);
    expect(supersedes(rectified(9, "name"), ev(2, "subject.rectified", null))).toBe(false);
    expect(supersedes(ev(9, "subject.objected", { purposes: "a" }), ev(2, "subject.objected", { purposes: ["a"] }))).toBe(false);
  });
});

describe("replayRefusal", () => {
  it("refuses after the scrub, and when the delivery never held an identifier; allows one with identifiers", () => {
    expect(replayRefusal({ scrubbedAt: Date.now(), hasIdentifiers: false })).toBe("scrubbed");
    expect(replayRefusal({ scrubbedAt: new Date(), hasIdentifiers: true })).toBe("scrubbed");
    expect(replayRefusal({ scrubbedAt: null, hasIdentifiers: false })).toBe("no-identifier");
    expect(replayRefusal({ scrubbedAt: null, hasIdentifiers: true })).toBeNull();
  });
});
