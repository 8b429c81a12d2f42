import { describe, expect, it } from "vitest";
import { indicatorScore, trustReport, trustScore, type TrustInputs } from "./trust-score";

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

describe("indicatorScore", () => {
  it("inverts withdrawals, scales closing speed over 30 days and overdue over open requests", () => {
    expect(indicatorScore("withdrawalRate", inputs())).toBe(90);
    expect(indicatorScore("medianDaysToClose", inputs())).toBe(80);
    expect(indicatorScore("medianDaysToClose", inputs({ medianDaysToClose: 45 }))).toBe(0);
    expect(indicatorScore("overdue", inputs())).toBe(90);
    expect(indicatorScore("overdue", inputs({ overdue: 0, open: 0 }))).toBe(100);
    expect(indicatorScore("onTime", inputs({ onTime: null }))).toBeNull();
  });
});

describe("trustScore", () => {
  it("is the weighted mean of the indicator scores", () => {
    // (20×60 + 10×90 + 20×90 + 10×80 + 10×90 + 10×80 + 10×50 + 10×100) / 100 = 79
    expect(trustScore(inputs())).toBe(79);
  });

  it("leaves out indicators without data and rescales the weights", () => {
    const none = {
      optInRate: null,
      withdrawalRate: null,
      onTime: null,
      medianDaysToClose: null,
      overdue: null,
      plainNotices: null,
      freshNotices: null,
      gpcHonoured: null,
      breachDutiesOnTime: null,
      open: 0,
    };
    expect(trustScore({ ...none, onTime: 80, plainNotices: 50 })).toBe(70);
    // Breach duties: 50% met on time at weight 10 beside on time 80 at weight 20: (20×80 + 10×50) / 30 = 70.
    expect(trustScore({ ...none, onTime: 80, breachDutiesOnTime: 50 })).toBe(70);
    expect(trustScore(none)).toBeNull();
  });
});

describe("trustReport", () => {
  it("says whether each change is good news, given which way is better", () => {
    const report = trustReport(inputs(), inputs({ withdrawalRate: 12, optInRate: 65 }), [inputs(), inputs({ onTime: null })]);
    const by = (id: string) => report.indicators.find((i) => i.id === id)!;
    expect(by("withdrawalRate")).toMatchObject({ change: { delta: -2, direction: "down" }, improved: true });
    expect(by("optInRate")).toMatchObject({ change: { delta: -5, direction: "down" }, improved: false });
    expect(by("onTime")).toMatchObject({ improved: null, trend: [90, null] });
    expect(report.scoreTrend).toHaveLength(2);
  });
});
