import { describe, expect, it } from "vitest";
import { can } from "./permissions";
import { homeFor, navFor, navItems } from "./navigation";
import { roles } from "./roles";

describe("navFor", () => {
  it("shows each role only sections it may open", () => {
    for (const role of roles) {
      for (const item of navFor(role)) expect(can(role, item.permission)).toBe(true);
      const hidden = navItems.filter((i) => !navFor(role).includes(i));
      for (const item of hidden) expect(can(role, item.permission)).toBe(false);
    }
  });

  it("shows staff management to the administrator alone", () => {
    expect(roles.filter((r) => navFor(r).some((i) => i.href === "/admin/staff"))).toEqual(["admin"]);
  });

  it("shows brand settings to the administrator alone", () => {
    expect(roles.filter((r) => navFor(r).some((i) => i.href === "/admin/settings"))).toEqual(["admin"]);
  });

  it("shows the recipient registry to marketing, privacy officers and administrators, not executives", () => {
    expect(roles.filter((r) => navFor(r).some((i) => i.href === "/admin/recipients"))).toEqual(["marketing", "privacy_officer", "admin"]);
  });

  it("shows the delivery tasks to privacy officers alone", () => {
    expect(roles.filter((r) => navFor(r).some((i) => i.href === "/admin/deliveries/tasks"))).toEqual(["privacy_officer"]);
  });

  it("shows the breach register to privacy officers, executives (counts and clocks) and administrators, once each, not to marketing", () => {
    expect(roles.filter((r) => navFor(r).some((i) => i.href === "/admin/incidents"))).toEqual(["privacy_officer", "executive", "admin"]);
    for (const role of roles) expect(navFor(role).filter((i) => i.href === "/admin/incidents").length).toBeLessThanOrEqual(1);
  });

  it("shows nothing to an unknown role", () => {
    expect(navFor("intruder")).toEqual([]);
  });
});

describe("homeFor", () => {
  it("sends every role to a section in its own menu", () => {
    for (const role of roles) expect(navFor(role).map((i) => i.href)).toContain(homeFor(role));
  });

  it("sends privacy officers to the request queue and administrators to staff", () => {
    expect(homeFor("privacy_officer")).toBe("/admin/requests");
    expect(homeFor("admin")).toBe("/admin/staff");
  });

  it("opens the trust dashboard for executives", () => {
    expect(homeFor("executive")).toBe("/admin/trust");
  });
});

describe("the review inbox", () => {
  it("is in the menu of privacy officers alone, who review purposes and publish notices", () => {
    expect(roles.filter((r) => navFor(r).some((i) => i.href === "/admin/inbox"))).toEqual(["privacy_officer"]);
  });
});
