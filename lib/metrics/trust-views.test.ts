import { describe, expect, it } from "vitest";
import { can } from "../auth/permissions";
import { explainingViews } from "./trust-views";

describe("explainingViews", () => {
  it("links the privacy officer to consent analytics, privacy operations, the overdue requests and the purposes' notices", () => {
    const v = explainingViews("privacy_officer");
    expect(v.optInRate?.href).toBe("/admin/consent-analytics");
    expect(v.onTime?.href).toBe("/admin/privacy-ops");
    expect(v.overdue?.href).toBe("/admin/requests?overdue=1");
    expect(v.plainNotices?.href).toBe("/admin/purposes");
    expect(v.breachDutiesOnTime?.href).toBe("/admin/privacy-ops");
    expect(Object.keys(v)).toHaveLength(9);
  });

  it("gives the executive only the notices' view, the one an executive may open", () => {
    expect(Object.keys(explainingViews("executive")).sort()).toEqual(["freshNotices", "plainNotices"]);
    expect(can("executive", "consent-analytics:read")).toBe(false);
    expect(can("executive", "privacy-ops:read")).toBe(false);
  });

  it("gives the admin consent analytics and notices but no request views, and an unknown role nothing", () => {
    expect(Object.keys(explainingViews("admin")).sort()).toEqual([
      "freshNotices",
      "gpcHonoured",
      "optInRate",
      "plainNotices",
      "withdrawalRate",
    ]);
    expect(explainingViews("intruder")).toEqual({});
  });
});
