import { describe, expect, it } from "vitest";
import { correctionsFor, correctionsOfHeldValues, holdsField } from "./held-data";

const changes = [
  { field: "name" as const, value: "Min-ji Park" },
  { field: "email" as const, value: "new@example.kr" },
  { field: "phone" as const, value: "+82 10 1234 5678" },
  { field: "locale" as const, value: "ko" },
];

describe("correctionsFor", () => {
  it("gives a recipient that received contact details every corrected field", () => {
    expect(correctionsFor(changes, ["contact", "order_history"])).toEqual(changes);
  });

  it("gives a recipient of identity data the name but never a new email or phone", () => {
    expect(correctionsFor(changes, ["identity", "payment"]).map((c) => c.field)).toEqual(["name", "locale"]);
  });

  it("gives a recipient of behavioural data only the language, and nothing when only contact details changed", () => {
    expect(correctionsFor(changes, ["behavioural", "device"]).map((c) => c.field)).toEqual(["locale"]);
    expect(correctionsFor(changes.slice(0, 3), ["behavioural", "device"])).toEqual([]);
  });
});

describe("holdsField", () => {
  it("holds the email and phone only through contact details, the name through contact or identity", () => {
    expect(holdsField("email", ["contact"])).toBe(true);
    expect(holdsField("email", ["identity"])).toBe(false);
    expect(holdsField("phone", ["identity", "order_history"])).toBe(false);
    expect(holdsField("name", ["identity"])).toBe(true);
    expect(holdsField("locale", [])).toBe(true);
  });
});

describe("correctionsOfHeldValues", () => {
  it("leaves out a field that had no value before: no recipient can hold what was never there", () => {
    expect(
      correctionsOfHeldValues([
        { field: "name", before: null, after: "Min-ji Park" },
        { field: "email", before: "old@example.kr", after: "new@example.kr" },
        { field: "phone", before: null, after: "+82 10 1234 5678" },
        { field: "locale", before: "en", after: "ko" },
      ]),
    ).toEqual([
      { field: "email", value: "new@example.kr" },
      { field: "locale", value: "ko" },
    ]);
  });

  it("keeps a value that was removed, so its holders learn it is gone", () => {
    expect(correctionsOfHeldValues([{ field: "phone", before: "+82 10 1234 5678", after: null }])).toEqual([
      { field: "phone", value: null },
    ]);
  });
});
