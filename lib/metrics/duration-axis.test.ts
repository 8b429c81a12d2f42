import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { durationAxis, inAxisUnit } from "./duration-axis";

describe("durationAxis", () => {
  it("counts whole days, not 0.85, 1.7, 2.55, for medians up to 3.4 days", () => {
    expect(durationAxis([3.4, 1.2, null])).toEqual({ unit: "days", perDay: 1, ticks: [0, 1, 2, 3, 4] });
  });

  it("steps by two days when the longest is 6.3 days", () => {
    expect(durationAxis([6.3, 1.9]).ticks).toEqual([0, 2, 4, 6, 8]);
  });

  it("reads durations under two days in hours, in parts of a day", () => {
    const axis = durationAxis([0.5, 1.5]);
    expect(axis.unit).toBe("hours");
    expect(axis.ticks).toEqual([0, 12, 24, 36]);
    expect(inAxisUnit(1.5, axis)).toBe(36);
    expect(inAxisUnit(0.1, axis)).toBe(2.4);
  });

  it("gives a plain axis of days when nothing was measured", () => {
    expect(durationAxis([null, null])).toEqual({ unit: "days", perDay: 1, ticks: [0, 1] });
    expect(durationAxis([0])).toEqual({ unit: "days", perDay: 1, ticks: [0, 1] });
  });

  it("always gives whole ticks, at most five steps, the top at or above the longest", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 5000, noNaN: true })), { maxLength: 6 }), (days) => {
        const axis = durationAxis(days);
        const longest = Math.max(0, ...days.filter((d): d is number => d !== null)) * axis.perDay;
        expect(axis.ticks.every(Number.isInteger)).toBe(true);
        expect(axis.ticks[0]).toBe(0);
        expect(axis.ticks.length).toBeLessThanOrEqual(6);
        expect(axis.ticks.at(-1)!).toBeGreaterThanOrEqual(longest);
      }),
    );
  });
});
