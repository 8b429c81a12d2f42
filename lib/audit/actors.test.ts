import { describe, expect, it } from "vitest";
import { isSystemActor } from "./actors";

describe("isSystemActor", () => {
  it("names Candor's own jobs and the demo loader, and no person", () => {
    expect(isSystemActor("system")).toBe(true);
    expect(isSystemActor("seed")).toBe(true);
    expect(isSystemActor("privacy@northtrail.example")).toBe(false);
    expect(isSystemActor("System")).toBe(false);
  });
});
