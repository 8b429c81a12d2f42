import { describe, expect, it } from "vitest";
import { appiBreachTargetSchema, clockParts, dueInstant, endOfDaysAfter, hoursAfter, minutesLeft } from "./clocks";

const at = (s: string) => new Date(s);

describe("breach clocks", () => {
  it("adds elapsed hours, whatever the wall clock does", () => {
    expect(hoursAfter(at("2026-10-24T22:30:00Z"), 72).toISOString()).toBe("2026-10-27T22:30:00.000Z");
  });

  it("ends a count of days at the end of the brand's day, the day of awareness not counted", () => {
    // 23:30 on 1 May in Tokyo is 14:30 UTC: day 1 is 2 May, day 30 is 31 May, ending 23:59:59.999 JST.
    expect(endOfDaysAfter(at("2026-05-01T14:30:00Z"), 30, "Asia/Tokyo").toISOString()).toBe("2026-05-31T14:59:59.999Z");
    // The same instant is still 1 May in Los Angeles (07:30): day 30 ends there, in PDT.
    expect(endOfDaysAfter(at("2026-05-01T14:30:00Z"), 30, "America/Los_Angeles").toISOString()).toBe("2026-06-01T06:59:59.999Z");
    // 0 days: the end of the day of awareness itself.
    expect(endOfDaysAfter(at("2026-05-01T14:30:00Z"), 0, "Asia/Tokyo").toISOString()).toBe("2026-05-01T14:59:59.999Z");
  });

  it("splits the time left into days, hours and minutes, and says when it has run out", () => {
    const due = at("2026-06-08T21:30:00Z");
    expect(clockParts(due, at("2026-06-06T20:15:30Z"))).toEqual({ overdue: false, span: { days: 2, hours: 1, minutes: 14 } });
    expect(clockParts(due, at("2026-06-08T22:31:00Z"))).toEqual({ overdue: true, span: { days: 0, hours: 1, minutes: 1 } });
    expect(minutesLeft(due, due)).toBe(0);
    expect(minutesLeft(due, at("2026-06-08T21:30:30Z"))).toBe(-1);
  });

  it("has no instant for a clock that waits on another duty", () => {
    expect(dueInstant({ kind: "after", duty: "ca_people", days: 15 })).toBeNull();
    expect(dueInstant(null)).toBeNull();
    expect(dueInstant({ kind: "promptly", at: at("2026-05-04T14:59:59.999Z") })).toEqual(at("2026-05-04T14:59:59.999Z"));
  });

  it("takes an APPI preliminary target of 0 to 29 whole days and refuses anything else", () => {
    expect(appiBreachTargetSchema.parse({ appiBreachPreliminaryDays: "5" })).toEqual({ appiBreachPreliminaryDays: 5 });
    expect(appiBreachTargetSchema.parse({ appiBreachPreliminaryDays: "0" })).toEqual({ appiBreachPreliminaryDays: 0 });
    for (const bad of ["30", "-1", "2.5", "", "x"])
      expect(appiBreachTargetSchema.safeParse({ appiBreachPreliminaryDays: bad }).success).toBe(false);
  });
});
