import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  confirmReceiptBy,
  dueDate,
  endOfLocalDay,
  extendedDueDate,
  isWeekend,
  localDate,
  localDay,
  regimeFor,
} from "./deadlines";

const dublin = "Europe/Dublin";
const iso = (d: Date | null) => d?.toISOString() ?? null;
const at = (s: string) => new Date(s);

describe("regimeFor", () => {
  it("maps each known jurisdiction to its regime", () => {
    expect(regimeFor("EU")).toBe("gdpr");
    expect(regimeFor("UK")).toBe("gdpr");
    expect(regimeFor("US-CA")).toBe("ccpa");
    expect(regimeFor("KR")).toBe("pipa");
    expect(regimeFor("JP")).toBe("appi");
  });

  it("falls back to the strictest clock for an unknown jurisdiction", () => {
    expect(regimeFor("BR")).toBe("strictest");
    expect(iso(dueDate({ jurisdiction: "BR", type: "access", receivedAt: at("2027-05-03T09:00:00Z"), timeZone: "UTC" }))).toBe(
      "2027-05-13T23:59:59.999Z",
    );
  });
});

describe("calendar arithmetic", () => {
  it("skips Saturdays and Sundays when adding business days", () => {
    const friday = { year: 2027, month: 3, day: 5 };
    expect(isWeekend(friday)).toBe(false);
    expect(addBusinessDays(friday, 1)).toEqual({ year: 2027, month: 3, day: 8 });
    expect(addBusinessDays(friday, 10)).toEqual({ year: 2027, month: 3, day: 19 });
    expect(addBusinessDays({ year: 2027, month: 3, day: 6 }, 1)).toEqual({ year: 2027, month: 3, day: 8 });
    expect(addBusinessDays({ year: 2027, month: 3, day: 7 }, 5)).toEqual({ year: 2027, month: 3, day: 12 });
    expect(addBusinessDays(friday, 0)).toEqual(friday);
    expect(() => addBusinessDays(friday, -1)).toThrow(RangeError);
  });
});

describe("time zones", () => {
  it("counts a receipt at 23:30 UTC as the next day in Asia/Seoul", () => {
    expect(localDate(at("2027-03-01T23:30:00Z"), "Asia/Seoul")).toEqual({ year: 2027, month: 3, day: 2 });
    expect(localDate(at("2027-03-01T23:30:00Z"), dublin)).toEqual({ year: 2027, month: 3, day: 1 });
  });

  it("names a US/Pacific deadline by its own day, not the UTC day after it", () => {
    const due = endOfLocalDay({ year: 2027, month: 5, day: 3 }, "America/Los_Angeles");
    expect(iso(due)).toBe("2027-05-04T06:59:59.999Z");
    expect(localDay(due, "America/Los_Angeles")).toBe("2027-05-03");
    expect(localDay(at("2027-03-01T23:30:00Z"), "Asia/Seoul")).toBe("2027-03-02");
  });

  it("ends the local day at its last millisecond, in summer and in winter time", () => {
    expect(iso(endOfLocalDay({ year: 2027, month: 1, day: 10 }, dublin))).toBe("2027-01-10T23:59:59.999Z");
    expect(iso(endOfLocalDay({ year: 2027, month: 7, day: 10 }, dublin))).toBe("2027-07-10T22:59:59.999Z");
    expect(iso(endOfLocalDay({ year: 2027, month: 3, day: 2 }, "Asia/Seoul"))).toBe("2027-03-02T14:59:59.999Z");
  });

  it("ends the local day correctly on the days clocks change", () => {
    expect(iso(endOfLocalDay({ year: 2027, month: 3, day: 28 }, dublin))).toBe("2027-03-28T22:59:59.999Z");
    expect(iso(endOfLocalDay({ year: 2027, month: 11, day: 7 }, "America/Los_Angeles"))).toBe("2027-11-08T07:59:59.999Z");
    expect(iso(endOfLocalDay({ year: 2027, month: 3, day: 14 }, "America/Los_Angeles"))).toBe("2027-03-15T06:59:59.999Z");
  });
});

describe("GDPR (EU, UK)", () => {
  it("makes a request received on 31 January 2027 due on 28 February", () => {
    const due = dueDate({ jurisdiction: "EU", type: "access", receivedAt: at("2027-01-31T10:00:00Z"), timeZone: dublin });
    expect(iso(due)).toBe("2027-02-28T23:59:59.999Z");
  });

  it("makes a request received on 31 January 2028 due on 29 February (leap year)", () => {
    const due = dueDate({ jurisdiction: "EU", type: "deletion", receivedAt: at("2028-01-31T10:00:00Z"), timeZone: dublin });
    expect(iso(due)).toBe("2028-02-29T23:59:59.999Z");
  });

  it("keeps the same date next month when it exists, for the UK too", () => {
    const due = dueDate({ jurisdiction: "UK", type: "rectification", receivedAt: at("2027-03-15T16:00:00Z"), timeZone: dublin });
    expect(iso(due)).toBe("2027-04-15T22:59:59.999Z");
  });

  it("extends by two months from the original due date", () => {
    const input = { jurisdiction: "EU", type: "access", receivedAt: at("2027-01-31T10:00:00Z"), timeZone: dublin };
    expect(iso(extendedDueDate(input))).toBe("2027-04-28T22:59:59.999Z");
    const mid = { ...input, receivedAt: at("2027-05-10T08:00:00Z") };
    expect(iso(extendedDueDate(mid))).toBe("2027-08-10T22:59:59.999Z");
  });

  it("has no receipt-confirmation clock", () => {
    expect(confirmReceiptBy({ jurisdiction: "EU", type: "access", receivedAt: at("2027-01-31T10:00:00Z"), timeZone: dublin })).toBeNull();
  });
});

describe("CCPA (US-CA)", () => {
  const friday = at("2027-03-05T18:00:00Z");
  const la = "America/Los_Angeles";

  it("makes a request due 45 calendar days after receipt", () => {
    expect(iso(dueDate({ jurisdiction: "US-CA", type: "deletion", receivedAt: friday, timeZone: la }))).toBe("2027-04-20T06:59:59.999Z");
  });

  it("extends by a further 45 days, 90 in all", () => {
    expect(iso(extendedDueDate({ jurisdiction: "US-CA", type: "access", receivedAt: friday, timeZone: la }))).toBe(
      "2027-06-04T06:59:59.999Z",
    );
  });

  it("requires confirming receipt within 10 business days, across two weekends", () => {
    expect(iso(confirmReceiptBy({ jurisdiction: "US-CA", type: "access", receivedAt: friday, timeZone: la }))).toBe(
      "2027-03-20T06:59:59.999Z",
    );
  });

  it("gives an opt-out of sale/sharing 15 business days and no extension or confirmation", () => {
    const input = { jurisdiction: "US-CA", type: "opt_out_sale", receivedAt: friday, timeZone: la };
    expect(iso(dueDate(input))).toBe("2027-03-27T06:59:59.999Z");
    expect(extendedDueDate(input)).toBeNull();
    expect(confirmReceiptBy(input)).toBeNull();
  });

  it("gives a limit on sensitive data 15 business days from receipt, weekends skipped, no extension or confirmation", () => {
    // Received Friday 5 March 2027 in Los Angeles: three weekends pass, and business day 15 is Friday 26 March.
    const input = { jurisdiction: "US-CA", type: "limit_sensitive", receivedAt: friday, timeZone: la };
    expect(iso(dueDate(input))).toBe("2027-03-27T06:59:59.999Z");
    expect(extendedDueDate(input)).toBeNull();
    expect(confirmReceiptBy(input)).toBeNull();
    // Received on a Saturday, the clock starts as on Friday: Saturday and Sunday are not business days.
    const saturday = { ...input, receivedAt: at("2027-03-06T18:00:00Z") };
    expect(iso(dueDate(saturday))).toBe("2027-03-27T06:59:59.999Z");
    // Received on Monday 8 March, day 15 is Monday 29 March.
    expect(iso(dueDate({ ...input, receivedAt: at("2027-03-08T18:00:00Z") }))).toBe("2027-03-30T06:59:59.999Z");
  });

  it("counts business days from the brand's local date, not the UTC one", () => {
    // Saturday 01:00 UTC is still Friday evening in Los Angeles.
    const input = { jurisdiction: "US-CA", type: "opt_out_sale", receivedAt: at("2027-03-06T01:00:00Z"), timeZone: la };
    expect(iso(dueDate(input))).toBe("2027-03-27T06:59:59.999Z");
    expect(iso(dueDate({ ...input, timeZone: "UTC" }))).toBe("2027-03-26T23:59:59.999Z");
  });
});

describe("PIPA (KR)", () => {
  it("makes a request due in 10 days, counted on the brand's local date", () => {
    const receivedAt = at("2027-03-01T23:30:00Z");
    expect(iso(dueDate({ jurisdiction: "KR", type: "access", receivedAt, timeZone: "Asia/Seoul" }))).toBe("2027-03-12T14:59:59.999Z");
    expect(iso(dueDate({ jurisdiction: "KR", type: "access", receivedAt, timeZone: dublin }))).toBe("2027-03-11T23:59:59.999Z");
  });

  it("has no fixed extension and no confirmation clock", () => {
    const input = { jurisdiction: "KR", type: "deletion", receivedAt: at("2027-03-01T10:00:00Z"), timeZone: "Asia/Seoul" };
    expect(extendedDueDate(input)).toBeNull();
    expect(confirmReceiptBy(input)).toBeNull();
  });
});

describe("APPI (JP)", () => {
  const receivedAt = at("2027-06-01T03:00:00Z");

  it("uses the brand's target days, 14 by default", () => {
    expect(iso(dueDate({ jurisdiction: "JP", type: "access", receivedAt, timeZone: "Asia/Tokyo" }))).toBe("2027-06-15T14:59:59.999Z");
    expect(iso(dueDate({ jurisdiction: "JP", type: "access", receivedAt, timeZone: "Asia/Tokyo", appiTargetDays: 7 }))).toBe(
      "2027-06-08T14:59:59.999Z",
    );
  });

  it("refuses a target that is not a positive whole number of days", () => {
    expect(() => dueDate({ jurisdiction: "JP", type: "access", receivedAt, timeZone: "Asia/Tokyo", appiTargetDays: 0 })).toThrow(
      RangeError,
    );
  });

  it("has no extension", () => {
    expect(extendedDueDate({ jurisdiction: "JP", type: "access", receivedAt, timeZone: "Asia/Tokyo" })).toBeNull();
  });
});
