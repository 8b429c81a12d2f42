import { describe, expect, it } from "vitest";
import { hasGpcSignal } from "./gpc";

describe("hasGpcSignal", () => {
  it('is on only when a Sec-GPC value is exactly "1"', () => {
    expect(hasGpcSignal("1")).toBe(true);
    expect(hasGpcSignal(null)).toBe(false);
    expect(hasGpcSignal(undefined)).toBe(false);
    for (const other of ["", "0", "true", "yes", "01", "1.0", "on"]) expect(hasGpcSignal(other), other).toBe(false);
  });

  it('is on when any one of repeated Sec-GPC fields is "1"', () => {
    expect(hasGpcSignal("0, 1")).toBe(true);
    expect(hasGpcSignal("1,1")).toBe(true);
    expect(hasGpcSignal("0, true")).toBe(false);
  });
});
