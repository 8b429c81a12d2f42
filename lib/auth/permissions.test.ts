import { describe, expect, it } from "vitest";
import { can, permissions, permissionsOf } from "./permissions";
import { roles } from "./roles";

// The whole table, written out: a change to who may do what must change this test too.
const expected: Record<string, string[]> = {
  marketing: [
    "overview:read",
    "profile:manage",
    "purpose:read",
    "purpose:draft",
    "notice:draft",
    "consent-analytics:read",
    "recipient:read",
  ],
  privacy_officer: [
    "overview:read",
    "profile:manage",
    "purpose:read",
    "purpose:review",
    "notice:draft",
    "notice:publish",
    "consent-analytics:read",
    "consent-analytics:read-exact",
    "trust-dashboard:read",
    "privacy-ops:read",
    "request:read",
    "request:process",
    "request:configure",
    "subject:read-pii",
    "audit:read",
    "outbox:read",
    "recipient:read",
    "recipient:manage",
    "recipient-path:manage",
    "delivery:process",
    "transparency:read",
    "transparency:publish",
    "data-map:manage",
    "record-of-processing:read",
    "incident:read",
    "incident:manage",
    "incident:approve",
  ],
  executive: ["overview:read", "profile:manage", "purpose:read", "trust-dashboard:read", "incident:read-summary"],
  admin: [
    "overview:read",
    "profile:manage",
    "purpose:read",
    "consent-analytics:read",
    "trust-dashboard:read",
    "audit:read",
    "outbox:read",
    "staff:manage",
    "api-key:manage",
    "settings:manage",
    "transparency:read",
    "recipient:read",
    "recipient:manage",
    "data-map:manage",
    "record-of-processing:read",
    "incident:read",
    "incident:manage",
  ],
};

describe("can", () => {
  for (const role of roles) {
    for (const permission of permissions) {
      const allowed = expected[role].includes(permission);
      it(`${allowed ? "grants" : "denies"} ${permission} to ${role}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("denies everything to an unknown role", () => {
    for (const permission of permissions) expect(can("superuser", permission)).toBe(false);
  });

  it("denies an unknown permission to every role", () => {
    for (const role of roles) expect(can(role, "everything:do")).toBe(false);
  });

  it("denies when role or permission is missing or not a string", () => {
    expect(can(undefined, "staff:manage")).toBe(false);
    expect(can(null, "staff:manage")).toBe(false);
    expect(can("admin", undefined)).toBe(false);
    expect(can({ role: "admin" }, "staff:manage")).toBe(false);
    expect(can("ADMIN", "staff:manage")).toBe(false);
  });

  it("keeps subjects' personal data from marketing and executives", () => {
    expect(can("marketing", "subject:read-pii")).toBe(false);
    expect(can("executive", "subject:read-pii")).toBe(false);
  });

  it("gives executives nothing that changes data (their own profile aside)", () => {
    const writes = permissionsOf("executive").filter((p) => !/:read(-[a-z]+)?$/.test(p) && p !== "profile:manage");
    expect(writes).toEqual([]);
  });

  it("keeps where subjects' data goes (recipient paths, their secrets and keys) with the privacy officer alone", () => {
    expect(can("privacy_officer", "recipient-path:manage")).toBe(true);
    for (const role of ["admin", "marketing", "executive"]) expect(can(role, "recipient-path:manage")).toBe(false);
    // An admin still keeps the registry's facts.
    expect(can("admin", "recipient:manage")).toBe(true);
  });

  it("keeps the breach register from marketing and its people from executives", () => {
    for (const p of ["incident:read", "incident:manage", "incident:approve", "incident:read-summary"])
      expect(can("marketing", p)).toBe(false);
    expect(can("executive", "incident:read")).toBe(false);
    expect(can("executive", "incident:read-summary")).toBe(true);
    // A large batch's second approver is a privacy officer; an admin records and sends but does not approve.
    expect(can("admin", "incident:approve")).toBe(false);
  });

  it("keeps publishing away from marketing", () => {
    expect(can("marketing", "notice:publish")).toBe(false);
    expect(can("marketing", "purpose:review")).toBe(false);
  });
});

describe("permissionsOf", () => {
  it("lists a role's permissions in catalogue order", () => {
    expect(permissionsOf("executive")).toEqual([
      "overview:read",
      "profile:manage",
      "purpose:read",
      "trust-dashboard:read",
      "incident:read-summary",
    ]);
  });

  it("lists nothing for an unknown role", () => {
    expect(permissionsOf("guest")).toEqual([]);
  });
});
