import { describe, expect, it } from "vitest";
import { choiceFor, grantHolds, needsPrompt, parseMemory, type WidgetMemory } from "./memory";
import { DAY_MS as DAY } from "../time";

const at = Date.UTC(2026, 0, 10);
const purposes = [
  { key: "marketing_messages", changedAt: null, validDays: 730 },
  { key: "ad_partner_sharing", changedAt: Date.UTC(2025, 5, 1), validDays: null },
];
const memory: WidgetMemory = { s: "CUST-1", at, c: { marketing_messages: "granted", ad_partner_sharing: "denied" } };

describe("needsPrompt", () => {
  it("asks when nothing is remembered, or it was remembered for another subject", () => {
    expect(needsPrompt(null, "CUST-1", purposes, at)).toBe(true);
    expect(needsPrompt(memory, "CUST-2", purposes, at)).toBe(true);
  });

  it("stays quiet when every purpose was answered and every grant still holds", () => {
    expect(needsPrompt(memory, "CUST-1", purposes, at + DAY)).toBe(false);
  });

  it("asks when a purpose was added since the choice", () => {
    expect(needsPrompt(memory, "CUST-1", [...purposes, { key: "precise_location", changedAt: null, validDays: null }], at)).toBe(true);
  });

  it("asks again for a grant made before the purpose's notice changed materially", () => {
    const changed = [{ ...purposes[0], changedAt: at + DAY }, purposes[1]];
    expect(needsPrompt(memory, "CUST-1", changed, at + 2 * DAY)).toBe(true);
  });

  it("does not ask again for a refusal when the notice changed", () => {
    const changed = [purposes[0], { ...purposes[1], changedAt: at + DAY }];
    expect(needsPrompt(memory, "CUST-1", changed, at + 2 * DAY)).toBe(false);
  });

  it("asks again once a grant is past its validity", () => {
    expect(needsPrompt(memory, "CUST-1", purposes, at + 729 * DAY)).toBe(false);
    expect(needsPrompt(memory, "CUST-1", purposes, at + 730 * DAY)).toBe(true);
  });
});

describe("grantHolds", () => {
  it("is false for anything but a live grant", () => {
    expect(grantHolds(memory, purposes[0], at)).toBe(true);
    expect(grantHolds(memory, purposes[1], at)).toBe(false);
    expect(grantHolds(memory, { key: "unknown", changedAt: null, validDays: null }, at)).toBe(false);
  });
});

describe("parseMemory", () => {
  it("reads what the widget wrote", () => {
    expect(parseMemory(JSON.stringify(memory))).toEqual(memory);
  });

  it("ignores anything else a page left under the same name", () => {
    for (const raw of [null, "", "not json", "42", '{"s":1}', '{"s":"a","at":"x","c":{}}', "null"]) expect(parseMemory(raw)).toBeNull();
  });
});

describe("choiceFor", () => {
  it("sends a grant, a withdrawal of an earlier grant, or a refusal", () => {
    expect(choiceFor(true, undefined)).toBe("granted");
    expect(choiceFor(true, "denied")).toBe("granted");
    expect(choiceFor(false, "granted")).toBe("withdrawn");
    expect(choiceFor(false, "withdrawn")).toBe("denied");
    expect(choiceFor(false, undefined)).toBe("denied");
  });
});
