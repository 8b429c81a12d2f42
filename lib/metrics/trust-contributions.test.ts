import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportionTenths, trustMovement } from "./trust-contributions";
import { exactTrustScore, indicatorScore, trustIndicators, trustScore, type TrustInputs } from "./trust-score";

const inputs = (over: Partial<TrustInputs> = {}): TrustInputs => ({
  optInRate: 60,
  withdrawalRate: 10,
  onTime: 90,
  medianDaysToClose: 6,
  overdue: 2,
  open: 20,
  plainNotices: 80,
  freshNotices: 50,
  gpcHonoured: 100,
  breachDutiesOnTime: null,
  ...over,
});

const maybe = (value: fc.Arbitrary<number>) => fc.option(value, { nil: null, freq: 3 });
const percent = fc.double({ min: -5, max: 105, noNaN: true });
/** Any period's indicators, each possibly without data; values stray past their range now and then, as the score clamps them. */
const anyInputs: fc.Arbitrary<TrustInputs> = fc.record({
  optInRate: maybe(percent),
  withdrawalRate: maybe(percent),
  onTime: maybe(percent),
  medianDaysToClose: maybe(fc.double({ min: 0, max: 60, noNaN: true })),
  overdue: maybe(fc.integer({ min: 0, max: 40 })),
  open: fc.integer({ min: 0, max: 40 }),
  plainNotices: maybe(percent),
  freshNotices: maybe(percent),
  gpcHonoured: maybe(percent),
  breachDutiesOnTime: maybe(percent),
});
const tenths = (n: number) => Math.round(n * 10) + 0;

describe("trustMovement", () => {
  it("gives each indicator its weight share of its own change when the same indicators are measured in both periods", () => {
    // On time 90 → 70 (weight 20 of 100): −4 points; plain notices 80 → 100 (10 of 100): +2 points.
    const m = trustMovement(inputs({ onTime: 70, plainNotices: 100 }), inputs())!;
    expect(m.change).toBe(-2);
    expect(m.contributions.map((c) => [c.id, c.points])).toEqual([
      ["onTime", -4],
      ["plainNotices", 2],
      ["optInRate", 0],
      ["withdrawalRate", 0],
      ["medianDaysToClose", 0],
      ["overdue", 0],
      ["freshNotices", 0],
      ["gpcHonoured", 0],
    ]);
  });

  it("credits an indicator that joins the score with how far it sits from the rest, rather than moving the others", () => {
    // Before: everything but GPC, score (1200+900+1800+800+900+800+500)/90 = 76.67. Now GPC at 100 joins: 7900/100 = 79.
    const m = trustMovement(inputs(), inputs({ gpcHonoured: null }))!;
    const gpc = m.contributions.find((c) => c.id === "gpcHonoured")!;
    expect(gpc.kind).toBe("joined");
    expect(gpc.exact).toBeCloseTo((10 / 100) * (100 - 6900 / 90), 9);
    expect(m.contributions.filter((c) => c.id !== "gpcHonoured").every((c) => c.points === 0)).toBe(true);
    expect(m.change).toBe(2.3);
  });

  it("takes an indicator that leaves the score as the old score without it, and one measured in neither period is not listed", () => {
    const m = trustMovement(inputs({ freshNotices: null, gpcHonoured: null }), inputs({ gpcHonoured: null }))!;
    expect(m.contributions.map((c) => c.id)).not.toContain("gpcHonoured");
    const fresh = m.contributions.find((c) => c.id === "freshNotices")!;
    // Fresh notices (50) sat below the old score (76.67), so losing it raises the score.
    expect(fresh.kind).toBe("left");
    expect(fresh.points).toBeGreaterThan(0);
    expect(m.contributions[0].id).toBe("freshNotices");
  });

  it("has nothing to say when either period has no score", () => {
    const none = Object.fromEntries(trustIndicators.map(({ id }) => [id, null])) as unknown as TrustInputs;
    expect(trustMovement(inputs(), { ...none, open: 0 })).toBeNull();
    expect(trustMovement({ ...none, open: 0 }, inputs())).toBeNull();
  });

  it("lists the largest part first, whichever way it went", () => {
    const m = trustMovement(inputs({ optInRate: 40, plainNotices: 100, onTime: 95 }), inputs())!;
    expect(m.contributions.slice(0, 3).map((c) => c.id)).toEqual(["optInRate", "plainNotices", "onTime"]);
  });

  it("adds up to the score's change over any indicator values, with or without data, and the shown tenths add up too", () => {
    fc.assert(
      fc.property(anyInputs, anyInputs, (now, before) => {
        const m = trustMovement(now, before);
        const exactNow = exactTrustScore(now);
        const exactBefore = exactTrustScore(before);
        if (exactNow === null || exactBefore === null) {
          expect(m).toBeNull();
          return;
        }
        expect(m).not.toBeNull();
        const parts = m!.contributions;
        // Exact parts: the unrounded change, to floating-point error.
        expect(Math.abs(parts.reduce((a, c) => a + c.exact, 0) - (exactNow - exactBefore))).toBeLessThan(1e-9);
        // Shown parts (tenths): exactly the change to one decimal, each within a tenth of its exact value.
        expect(parts.reduce((a, c) => a + tenths(c.points), 0)).toBe(tenths(m!.change));
        expect(Math.abs(m!.change - (exactNow - exactBefore))).toBeLessThanOrEqual(0.05 + 1e-9);
        for (const c of parts) expect(Math.abs(c.points - c.exact)).toBeLessThan(0.1 + 1e-9);
        // The whole-number score the page shows moves by less than a point more or less than that.
        expect(Math.abs(trustScore(now)! - trustScore(before)! - m!.change)).toBeLessThan(1 + 0.05 + 1e-9);
        // Exactly the indicators measured in at least one period, the way the score counts them; largest first.
        const measured = trustIndicators.filter(({ id }) => indicatorScore(id, now) !== null || indicatorScore(id, before) !== null);
        expect(parts.map((c) => c.id).sort()).toEqual(measured.map((i) => i.id).sort());
        for (let k = 1; k < parts.length; k++) expect(Math.abs(parts[k - 1].points)).toBeGreaterThanOrEqual(Math.abs(parts[k].points));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("apportionTenths", () => {
  it("rounds to tenths that add up to the total, giving the missing tenths to the largest remainders", () => {
    expect(apportionTenths([0.33, 0.33, 0.34], 10)).toEqual([0.3, 0.3, 0.4]);
    expect(apportionTenths([1.26, -0.47, 0.26], 11)).toEqual([1.3, -0.5, 0.3]);
    expect(apportionTenths([-0.04, 0.04], 0)).toEqual([0, 0]);
  });
});
