import { describe, expect, it } from "vitest";
import { grantFlows, grantKey, utcDayOf } from "./grant-flows";
import { DAY_MS as DAY } from "../time";

const t0 = Date.parse("2026-03-01T10:00:00Z");
const granted = { state: "granted" as const, decidedAt: t0, expiresAt: t0 + 730 * DAY, noticeVersionId: 7 };

describe("grantFlows", () => {
  it("counts a first grant as a move from nothing and a grant start under its notice version", () => {
    expect(grantFlows(null, granted)).toEqual({
      join: { noticeVersionId: 7, expiresDay: "2028-02-29" },
      move: { day: "2026-03-01", from: "", to: "granted", noticeVersionId: 7 },
      net: 1,
    });
  });

  it("records how long a withdrawn grant lasted and under which version it was given", () => {
    const next = { state: "withdrawn" as const, decidedAt: t0 + 45 * DAY, expiresAt: null, noticeVersionId: 9 };
    expect(grantFlows(granted, next)).toEqual({
      leave: { noticeVersionId: 7, expiresDay: "2028-02-29" },
      move: { day: "2026-04-15", from: "granted", to: "withdrawn", noticeVersionId: 7 },
      net: -1,
      ending: { day: "2026-04-15", endedAs: "withdrawn", noticeVersionId: 7, lifetime: 3 },
    });
  });

  it("moves a renewed grant between keys without a move or an ending", () => {
    const renewed = { ...granted, decidedAt: t0 + DAY, expiresAt: t0 + 731 * DAY, noticeVersionId: 8 };
    const f = grantFlows(granted, renewed);
    expect(f).toEqual({ leave: grantKey(granted), join: { noticeVersionId: 8, expiresDay: "2028-03-01" } });
  });

  it("counts a denial after a denial as neither a move nor a grant change", () => {
    const denied = { state: "denied" as const, decidedAt: t0, expiresAt: null, noticeVersionId: 7 };
    expect(grantFlows(denied, { ...denied, decidedAt: t0 + DAY })).toEqual({});
  });

  it("keys a grant that never expires with an empty expiry day", () => {
    expect(grantKey({ ...granted, expiresAt: null })).toEqual({ noticeVersionId: 7, expiresDay: "" });
  });
});

describe("utcDayOf", () => {
  it("gives the UTC day of an instant, before and after midnight and before 1970", () => {
    expect(utcDayOf(Date.parse("2026-03-01T23:59:59.999Z"))).toBe("2026-03-01");
    expect(utcDayOf(Date.parse("2026-03-02T00:00:00Z"))).toBe("2026-03-02");
    expect(utcDayOf(Date.parse("1969-12-31T12:00:00Z"))).toBe("1969-12-31");
  });
});
