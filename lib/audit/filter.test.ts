import { describe, expect, it } from "vitest";
import { auditDateBounds, auditFilterSchema } from "./filter";

describe("auditFilterSchema", () => {
  it("keeps good filters", () => {
    expect(auditFilterSchema.parse({ action: "staff.create", outcome: "denied", from: "2026-11-01", page: "3" })).toMatchObject({
      action: "staff.create",
      outcome: "denied",
      from: "2026-11-01",
      page: 3,
    });
  });

  it("drops malformed values instead of failing the page", () => {
    expect(auditFilterSchema.parse({ action: "x' OR 1=1", outcome: "maybe", from: "yesterday", page: "-4" })).toEqual({
      action: undefined,
      outcome: undefined,
      from: undefined,
      q: undefined,
      to: undefined,
      page: 1,
    });
    expect(auditFilterSchema.parse({ page: ["1", "2"], from: "2026-02-31" }).page).toBe(1);
  });
});

describe("auditDateBounds", () => {
  it("includes the whole last day", () => {
    expect(auditDateBounds({ from: "2026-11-01", to: "2026-11-01" })).toEqual({
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-02T00:00:00Z"),
    });
  });
});
