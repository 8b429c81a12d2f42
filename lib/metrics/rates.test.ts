import { describe, expect, it } from "vitest";
import { dayBefore, percent } from "./rates";

describe("percent", () => {
  it("rounds to a whole percentage", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
  });
  it("is null when there is nothing to divide by", () => {
    expect(percent(0, 0)).toBeNull();
  });
});

describe("dayBefore", () => {
  it("gives the UTC day a number of days earlier", () => {
    expect(dayBefore(new Date("2026-03-01T05:00:00Z"), 1)).toBe("2026-02-28");
    expect(dayBefore(new Date("2028-03-01T05:00:00Z"), 1)).toBe("2028-02-29");
  });
});
