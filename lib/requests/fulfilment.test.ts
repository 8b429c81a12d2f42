import { describe, expect, it } from "vitest";
import { completionEffect, createRequestSchema, purposesToStop, reasonSchema, stopEvent } from "./fulfilment";
import { completionSummary, subjectMessage } from "./subject-messages";

const catalog = [
  { key: "newsletter", legalBasis: "consent", saleOrSharing: false },
  { key: "ad_sharing", legalBasis: "consent", saleOrSharing: true },
  { key: "lookalikes", legalBasis: "legitimate_interests", saleOrSharing: true },
  { key: "fraud_checks", legalBasis: "legitimate_interests", saleOrSharing: false },
  { key: "orders", legalBasis: "contract", saleOrSharing: false },
];

describe("purposesToStop", () => {
  it("stops every sale/sharing purpose on an opt-out", () => {
    expect(purposesToStop("opt_out_sale", catalog)).toEqual(["ad_sharing", "lookalikes"]);
  });
  it("stops legitimate-interest purposes on an objection", () => {
    expect(purposesToStop("objection", catalog)).toEqual(["lookalikes", "fraud_checks"]);
  });
  it("stops every consent and legitimate-interest purpose on a restriction, never a contract", () => {
    expect(purposesToStop("restriction", catalog)).toEqual(["newsletter", "ad_sharing", "lookalikes", "fraud_checks"]);
  });
  it("stops the flagged consent and legitimate-interest purposes in the ledger on a limit, not the unflagged ones", () => {
    const flagged = catalog.map((p) => ({ ...p, sensitiveBeyondPermitted: ["newsletter", "fraud_checks", "orders"].includes(p.key) }));
    // "orders" (contract) is flagged too, but has no choice to record: the person's standing limit stops it.
    expect(purposesToStop("limit_sensitive", flagged)).toEqual(["newsletter", "fraud_checks"]);
    expect(purposesToStop("limit_sensitive", catalog)).toEqual([]);
    expect(completionEffect("limit_sensitive")).toBe("stop");
  });
  it("stops nothing for access or deletion", () => {
    expect(purposesToStop("access", catalog)).toEqual([]);
    expect(purposesToStop("deletion", catalog)).toEqual([]);
  });
});

describe("stopEvent", () => {
  it("withdraws a grant, denies an unanswered or expired purpose, leaves a refusal alone", () => {
    expect(stopEvent("granted")).toBe("withdrawn");
    expect(stopEvent(null)).toBe("denied");
    expect(stopEvent("expired")).toBe("denied");
    expect(stopEvent("withdrawn")).toBeNull();
    expect(stopEvent("denied")).toBeNull();
  });
});

describe("request rules", () => {
  it("maps each type to what completion does", () => {
    expect(completionEffect("portability")).toBe("export");
    expect(completionEffect("deletion")).toBe("erase");
    expect(completionEffect("objection")).toBe("stop");
    expect(completionEffect("rectification")).toBe("record");
  });
  it("takes a limit on sensitive data from staff for a California person only", () => {
    const intake = createRequestSchema({ now: new Date("2026-06-20T11:00:00Z"), timeZone: "UTC" });
    const base = { type: "limit_sensitive", intake: "phone", email: "a@example.com", receivedAt: "2026-06-20T10:00" };
    expect(intake.safeParse({ ...base, jurisdiction: "US-CA" }).success).toBe(true);
    const elsewhere = intake.safeParse({ ...base, jurisdiction: "EU" });
    expect(elsewhere.success).toBe(false);
    expect(elsewhere.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["type", "limit-california-only"]]);
  });
  it("asks for an email or a customer id at intake", () => {
    const intake = createRequestSchema({ now: new Date("2026-06-20T11:00:00Z"), timeZone: "UTC" });
    const receivedAt = "2026-06-20T10:00";
    const r = intake.safeParse({ type: "access", jurisdiction: "EU", intake: "phone", email: "", externalId: "", receivedAt });
    expect(r.success).toBe(false);
    expect(intake.safeParse({ type: "access", jurisdiction: "EU", intake: "letter", externalId: "C-1", receivedAt }).success).toBe(true);
    expect(intake.safeParse({ type: "access", jurisdiction: "XX", intake: "letter", externalId: "C-1", receivedAt }).success).toBe(false);
  });
  it("refuses a blank reason", () => {
    expect(reasonSchema.safeParse({ requestId: "3", reason: "   " }).success).toBe(false);
    expect(reasonSchema.safeParse({ requestId: "3", reason: "Too many requests this month" }).success).toBe(true);
  });
});

describe("subject messages", () => {
  it("writes in the subject's language and falls back to English", () => {
    expect(subjectMessage("request-code", "ko", { ref: "REQ-1", brand: "B", code: "123456" }).body).toContain("123456");
    expect(subjectMessage("request-rejected", "ja", { ref: "REQ-1", brand: "B", reason: "R" }).subjectLine).toContain("REQ-1");
    expect(subjectMessage("request-export", "fr", { ref: "REQ-1", brand: "B", link: "http://x/exports/t" }).locale).toBe("en");
    expect(completionSummary("deletion", "ko")).toContain("파기");
  });
});
