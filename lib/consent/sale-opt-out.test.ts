import { describe, expect, it } from "vitest";
import { isRefusal, opensOptOut, quarterOf, quarterRange, SaleRefusals } from "./sale-opt-out";

describe("opensOptOut", () => {
  it("opens an opt-out when a grant, an expiry or no decision becomes a refusal and nothing else is refused", () => {
    for (const prev of ["granted", "expired", null, undefined])
      for (const next of ["withdrawn", "denied"]) expect(opensOptOut(prev, next, () => false)).toBe(true);
  });

  it("opens none while another sale/sharing purpose is refused, for the same refusal again, or for a grant", () => {
    const never = () => false;
    expect(opensOptOut("granted", "withdrawn", () => true)).toBe(false);
    expect(opensOptOut("withdrawn", "withdrawn", never)).toBe(false);
    expect(opensOptOut("denied", "withdrawn", never)).toBe(false);
    expect(opensOptOut("withdrawn", "granted", never)).toBe(false);
    expect(opensOptOut("granted", "expired", never)).toBe(false);
  });

  it("asks about the other purposes only when a refusal begins", () => {
    let asked = 0;
    const ask = () => {
      asked++;
      return false;
    };
    opensOptOut("withdrawn", "withdrawn", ask);
    opensOptOut(null, "granted", ask);
    expect(asked).toBe(0);
    expect(opensOptOut("granted", "denied", ask)).toBe(true);
    expect(asked).toBe(1);
  });

  it("reads withdrawn and denied as refusals, and nothing else", () => {
    expect(["granted", "denied", "withdrawn", "expired", null].map(isRefusal)).toEqual([false, true, true, false, false]);
  });
});

describe("SaleRefusals", () => {
  it("counts two purposes refused together once, and a refusal after granting both back again", () => {
    const p = new SaleRefusals();
    const opened = [
      p.change(1, null, "granted"),
      p.change(2, null, "granted"),
      p.change(1, "granted", "withdrawn"), // opted out: 1
      p.change(2, "granted", "withdrawn"), // already opted out
      p.change(1, "withdrawn", "granted"),
      p.change(2, "withdrawn", "granted"), // back in
      p.change(2, "granted", "denied"), // out again: 2
      p.change(2, "denied", "withdrawn"), // the same refusal in other words
    ];
    expect(opened).toEqual([false, false, true, false, false, false, true, false]);
  });

  it("stays opted out while one refusal remains after another is lifted", () => {
    const p = new SaleRefusals();
    expect(p.change(1, null, "denied")).toBe(true);
    expect(p.change(2, null, "denied")).toBe(false);
    expect(p.change(1, "denied", "granted")).toBe(false);
    expect(p.change(1, "granted", "withdrawn")).toBe(false); // purpose 2 was refused all along
  });
});

describe("quarters", () => {
  it("puts 23:30 on 31 December in Los Angeles (07:30 UTC on 1 January) before the zone's new year", () => {
    const at = Date.parse("2026-01-01T07:30:00Z");
    const { from, to } = quarterRange(Date.parse("2025-01-01T08:00:00Z"), Date.parse("2026-01-01T08:00:00Z"));
    expect(quarterOf(at)).toBe(to - 2);
    expect(quarterOf(at) >= from && quarterOf(at) < to).toBe(true);
    expect(quarterOf(Date.parse("2026-01-01T08:00:00Z"))).toBe(to);
  });

  it("keeps a quarter-hour zone's midnight on a quarter boundary (Kathmandu, UTC+5:45)", () => {
    const midnight = Date.parse("2025-12-31T18:15:00Z");
    expect(quarterOf(midnight - 1)).toBe(quarterOf(midnight) - 1);
  });
});
