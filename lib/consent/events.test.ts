import { describe, expect, it } from "vitest";
import { consentEventInputSchema } from "./events";

const ok = { subject: { externalId: "CUST-1" }, purpose: "marketing_messages", event: "granted" };

describe("consentEventInputSchema", () => {
  it("accepts a minimal event and defaults the source to api", () => {
    expect(consentEventInputSchema.parse(ok)).toMatchObject({ source: "api", event: "granted" });
  });

  it("refuses an event with no way to find the subject", () => {
    expect(consentEventInputSchema.safeParse({ ...ok, subject: {} }).success).toBe(false);
  });

  it("refuses expired events from callers, unknown fields and future timestamps", () => {
    expect(consentEventInputSchema.safeParse({ ...ok, event: "expired" }).success).toBe(false);
    expect(consentEventInputSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
    expect(consentEventInputSchema.safeParse({ ...ok, occurredAt: new Date(Date.now() + 3_600_000).toISOString() }).success).toBe(false);
    expect(consentEventInputSchema.safeParse({ ...ok, occurredAt: "yesterday" }).success).toBe(false);
  });

  it("refuses an event dated before 2000-01-01 with a message naming the floor", () => {
    const r = consentEventInputSchema.safeParse({ ...ok, occurredAt: "1969-07-20T20:17:40Z" });
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["occurredAt", expect.stringContaining("before 2000-01-01")],
    ]);
    expect(consentEventInputSchema.safeParse({ ...ok, occurredAt: "1999-12-31T23:59:59.999Z" }).success).toBe(false);
    expect(consentEventInputSchema.safeParse({ ...ok, occurredAt: "2000-01-01T08:59:59+09:00" }).success).toBe(false);
  });

  it("accepts an event dated exactly 2000-01-01 UTC, or any time since", () => {
    expect(consentEventInputSchema.safeParse({ ...ok, occurredAt: "2000-01-01T00:00:00Z" }).success).toBe(true);
    expect(consentEventInputSchema.safeParse({ ...ok, occurredAt: new Date(Date.now() - 60_000).toISOString() }).success).toBe(true);
  });

  it("names the bad field in its issue path", () => {
    const r = consentEventInputSchema.safeParse({ ...ok, channel: "fax" });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join("."))).toEqual(["channel"]);
  });

  it("normalizes emails", () => {
    expect(consentEventInputSchema.parse({ ...ok, subject: { email: " Ana@Example.com " } }).subject.email).toBe("ana@example.com");
  });
});
