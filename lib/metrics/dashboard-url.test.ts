import { describe, expect, it } from "vitest";
import { dashboardQueryString, readDashboardParams } from "./dashboard-url";

describe("dashboard URL filters", () => {
  it("reads the known filters and writes them back in one order, without blanks", () => {
    const p = readDashboardParams(new URLSearchParams("purpose=newsletter&x=1&from=2026-01-01&jurisdiction="));
    expect(p).toEqual({ purpose: "newsletter", from: "2026-01-01" });
    expect(dashboardQueryString(p)).toBe("from=2026-01-01&purpose=newsletter");
  });

  it("keeps only the filters a dashboard offers", () => {
    expect(readDashboardParams(new URLSearchParams("purpose=a&jurisdiction=EU"), ["jurisdiction"])).toEqual({ jurisdiction: "EU" });
  });
});
