import { describe, expect, it } from "vitest";
import { activePathOfKind, hasWorkingPath, pathState, previousSecretSignsUntil, workingPathShare, type PathFacts } from "./paths";

const webhook: PathFacts = { kind: "webhook", status: "active", disabledReason: null, apiKeyId: null, keyRevokedAt: null };
const feed: PathFacts = { kind: "feed", status: "active", disabledReason: null, apiKeyId: 7, keyRevokedAt: null };
const email: PathFacts = { kind: "email", status: "active", disabledReason: null, apiKeyId: null, keyRevokedAt: null };
const contact = { privacyContactEmail: "privacy@vendor.example" };
const noContact = { privacyContactEmail: null };

describe("pathState", () => {
  it("calls an active webhook, a feed with a live key and an email path with an address working", () => {
    expect(pathState(webhook, noContact)).toBe("working");
    expect(pathState(feed, noContact)).toBe("working");
    expect(pathState(email, contact)).toBe("working");
  });

  it("tells a 410 from an officer's switch-off", () => {
    expect(pathState({ ...webhook, status: "disabled", disabledReason: "gone" }, contact)).toBe("gone");
    expect(pathState({ ...webhook, status: "disabled", disabledReason: "officer" }, contact)).toBe("disabled");
    expect(pathState({ ...email, status: "disabled", disabledReason: null }, contact)).toBe("disabled");
  });

  it("says a feed whose key was revoked or is missing cannot carry anything", () => {
    expect(pathState({ ...feed, keyRevokedAt: new Date(0) }, contact)).toBe("key-revoked");
    expect(pathState({ ...feed, apiKeyId: null }, contact)).toBe("key-revoked");
  });

  it("says an email path has nowhere to write without a privacy contact address, blank included", () => {
    expect(pathState(email, noContact)).toBe("no-contact-email");
    expect(pathState(email, { privacyContactEmail: "  " })).toBe("no-contact-email");
  });

  it("reports a switched-off path as switched off before anything else it lacks", () => {
    expect(pathState({ ...feed, status: "disabled", disabledReason: "officer", keyRevokedAt: new Date(0) }, contact)).toBe("disabled");
  });
});

describe("hasWorkingPath", () => {
  it("is false with no path at all", () => {
    expect(hasWorkingPath([], contact)).toBe(false);
  });

  it("is true when any one path works, whatever the others", () => {
    expect(hasWorkingPath([{ ...webhook, status: "disabled", disabledReason: "gone" }, email], contact)).toBe(true);
  });

  it("is false when every path is switched off or cannot carry anything", () => {
    const paths = [{ ...webhook, status: "disabled" as const, disabledReason: "gone" }, { ...feed, keyRevokedAt: new Date(0) }, email];
    expect(hasWorkingPath(paths, noContact)).toBe(false);
    expect(hasWorkingPath(paths, contact)).toBe(true);
  });
});

describe("activePathOfKind", () => {
  it("finds the active path of a kind and ignores switched-off ones", () => {
    const old = { ...webhook, id: 1, status: "disabled" as const };
    const current = { ...webhook, id: 2 };
    expect(activePathOfKind([old, current, { ...feed, id: 3 }], "webhook")?.id).toBe(2);
    expect(activePathOfKind([old], "webhook")).toBeUndefined();
  });
});

describe("previousSecretSignsUntil", () => {
  const rotatedAt = new Date("2026-03-01T10:00:00Z");

  it("gives the end of the 24-hour grace while it runs", () => {
    expect(previousSecretSignsUntil({ hasPreviousSecret: true, rotatedAt }, new Date("2026-03-02T09:59:59Z"))).toEqual(
      new Date("2026-03-02T10:00:00Z"),
    );
  });

  it("is null once the grace is over, or when there was no rotation", () => {
    expect(previousSecretSignsUntil({ hasPreviousSecret: true, rotatedAt }, new Date("2026-03-02T10:00:00Z"))).toBeNull();
    expect(previousSecretSignsUntil({ hasPreviousSecret: false, rotatedAt: null }, rotatedAt)).toBeNull();
  });
});

describe("workingPathShare", () => {
  it("counts the recipients with a working path among all", () => {
    expect(workingPathShare([{ working: true }, { working: false }, { working: true }])).toEqual({ working: 2, total: 3 });
    expect(workingPathShare([])).toEqual({ working: 0, total: 0 });
  });
});
