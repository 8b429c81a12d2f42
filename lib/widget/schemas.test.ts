import { describe, expect, it } from "vitest";
import { anonymousIdSchema, isAnonymousVisitorId, publishableKeySchema, widgetConfigQuerySchema, widgetConsentsSchema } from "./schemas";

const anon = "anon-3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e";
const body = {
  subject: { anonymousId: anon },
  jurisdiction: "EU",
  locale: "en",
  choices: [{ purpose: "marketing_messages", event: "granted", version: 2 }],
};
const issues = (value: unknown) => {
  const r = widgetConsentsSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("widgetConsentsSchema", () => {
  it("accepts what the widget sends", () => {
    expect(issues(body)).toEqual([]);
    expect(issues({ ...body, subject: { externalId: "CUST-123" }, jurisdiction: undefined })).toEqual([]);
  });

  it("names the subject by exactly one id", () => {
    expect(issues({ ...body, subject: {} })).toEqual(["subject"]);
    expect(issues({ ...body, subject: { externalId: "CUST-1", anonymousId: anon } })).toEqual(["subject"]);
    expect(issues({ ...body, subject: { email: "a@b.example" } })).toContain("subject");
  });

  it("takes only anonymous ids the widget could have made", () => {
    expect(issues({ ...body, subject: { anonymousId: "anon-1" } })).toEqual(["subject.anonymousId"]);
    expect(issues({ ...body, subject: { anonymousId: "CUST-123" } })).toEqual(["subject.anonymousId"]);
  });

  it("refuses unknown events, jurisdictions and locales, and extra fields", () => {
    expect(issues({ ...body, choices: [{ purpose: "marketing_messages", event: "expired" }] })).toEqual(["choices.0.event"]);
    expect(issues({ ...body, jurisdiction: "US-NY" })).toEqual(["jurisdiction"]);
    expect(issues({ ...body, locale: "de" })).toEqual(["locale"]);
    expect(issues({ ...body, source: "api" })).toEqual([""]);
  });

  it("refuses an empty list, the same purpose twice and more than 50 choices", () => {
    expect(issues({ ...body, choices: [] })).toEqual(["choices"]);
    expect(issues({ ...body, choices: [body.choices[0], body.choices[0]] })).toEqual(["choices"]);
    const many = Array.from({ length: 51 }, (_, i) => ({ purpose: `purpose_${i}`, event: "denied" }));
    expect(issues({ ...body, choices: many })).toEqual(["choices"]);
  });
});

describe("widget query and key", () => {
  it("falls back to English for a locale it does not know", () => {
    expect(widgetConfigQuerySchema.parse({ key: "pk_demo_northtrail_2026", locale: "de" }).locale).toBe("en");
    expect(widgetConfigQuerySchema.parse({ key: "pk_demo_northtrail_2026" }).locale).toBe("en");
  });

  it("takes publishable keys, demo and generated alike, and nothing else", () => {
    expect(publishableKeySchema.safeParse("pk_demo_northtrail_2026").success).toBe(true);
    expect(publishableKeySchema.safeParse("pk_live_AbC-dEf_0123456789abcdefghijABCDEFGHIJ0123456").success).toBe(true);
    expect(publishableKeySchema.safeParse("ck_live_secret000000").success).toBe(false);
    expect(publishableKeySchema.safeParse("pk_<script>").success).toBe(false);
  });

  it("tells an anonymous visitor's id from a customer id exactly as the schema does", () => {
    for (const id of [
      anon,
      "anon-1",
      "CUST-123",
      `${anon} `,
      anon.toUpperCase(),
      "anon-3f2b8c1e-4d5a-3b6c-8d7e-9f0a1b2c3d4e",
      `x${anon}`,
    ]) {
      expect(isAnonymousVisitorId(id)).toBe(anonymousIdSchema.safeParse(id).success);
    }
    expect(isAnonymousVisitorId(anon)).toBe(true);
    expect(isAnonymousVisitorId("CUST-123")).toBe(false);
  });
});
