import { describe, expect, it } from "vitest";
import { changeFrom, median, rate } from "./stats";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("rate", () => {
  it("is a percentage with one decimal, null with nothing to divide", () => {
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(0, 0)).toBeNull();
  });
});

describe("changeFrom", () => {
  it("gives the difference from the previous period and its direction", () => {
    expect(changeFrom(62.5, 60)).toEqual({ delta: 2.5, direction: "up" });
    expect(changeFrom(3, 5)).toEqual({ delta: -2, direction: "down" });
    expect(changeFrom(4, 4)).toEqual({ delta: 0, direction: "flat" });
    expect(changeFrom(null, 4)).toBeNull();
  });
});
