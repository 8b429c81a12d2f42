import { describe, expect, it } from "vitest";
import { DAY_MS, addDays, addMonths, isTimeZone, weekday } from "./time";

describe("calendar arithmetic", () => {
  it("adds months keeping the day, or the month's last day when it has none", () => {
    expect(addMonths({ year: 2027, month: 1, day: 31 }, 1)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths({ year: 2027, month: 3, day: 31 }, 1)).toEqual({ year: 2027, month: 4, day: 30 });
    expect(addMonths({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 31 });
    expect(addMonths({ year: 2027, month: 11, day: 30 }, 3)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths({ year: 2027, month: 3, day: 15 }, -3)).toEqual({ year: 2026, month: 12, day: 15 });
  });

  it("adds days across month and year ends", () => {
    expect(addDays({ year: 2026, month: 12, day: 25 }, 10)).toEqual({ year: 2027, month: 1, day: 4 });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2027, month: 1, day: 1 }, -1)).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it("adds days to a day written YYYY-MM-DD and writes the answer the same way", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
    expect(addDays("2026-05-01", 0)).toBe("2026-05-01");
  });

  it("moves both spellings of a day the same way", () => {
    for (let n = -400; n <= 400; n += 37) {
      const [y, m, d] = addDays("2027-02-14", n).split("-").map(Number);
      expect(addDays({ year: 2027, month: 2, day: 14 }, n)).toEqual({ year: y, month: m, day: d });
    }
  });

  it("names the weekday, Sunday first", () => {
    expect(weekday({ year: 2027, month: 3, day: 7 })).toBe(0);
    expect(weekday({ year: 2027, month: 3, day: 5 })).toBe(5);
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });
});

describe("time zone names", () => {
  it("knows IANA zones and refuses names that are not one", () => {
    expect(isTimeZone("America/Los_Angeles")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
