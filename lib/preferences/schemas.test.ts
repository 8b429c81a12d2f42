import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requestCodeSchema, setChannelSchema, setConsentSchema, withdrawAllSchema } from "./schemas";

const errors = (r: { success: boolean; error?: z.ZodError }) => (r.error ? z.flattenError(r.error).fieldErrors : {});

describe("preference center inputs", () => {
  it("normalizes the email and names a bad one", () => {
    expect(requestCodeSchema.parse({ email: "  Ha@Example.KR " })).toEqual({ email: "ha@example.kr" });
    expect(errors(requestCodeSchema.safeParse({ email: "nope" }))).toEqual({ email: ["invalid-email"] });
    expect(errors(requestCodeSchema.safeParse({ email: "" }))).toEqual({ email: ["required"] });
  });

  it("reads a switch form, treating a blank guardian as none", () => {
    expect(
      setConsentSchema.parse({ purpose: "marketing_messages", noticeVersion: "3", noticeLocale: "ko", choice: "on", guardianName: " " }),
    ).toEqual({
      purpose: "marketing_messages",
      noticeVersion: 3,
      noticeLocale: "ko",
      choice: "on",
      guardianName: undefined,
    });
  });

  it("ignores a subject id smuggled into the form: actions only ever act for the session's subject", () => {
    const parsed = setConsentSchema.parse({
      purpose: "a_b",
      noticeVersion: "1",
      noticeLocale: "en",
      choice: "off",
      subject: "someone-else",
      sid: "x",
    });
    expect(parsed).not.toHaveProperty("subject");
    expect(parsed).not.toHaveProperty("sid");
  });

  it("refuses unknown channels, locales and choices field by field", () => {
    const r = setChannelSchema.safeParse({ purpose: "a_b", noticeVersion: "x", noticeLocale: "fr", channel: "fax", on: "yes" });
    expect(Object.keys(errors(r)).sort()).toEqual(["channel", "noticeLocale", "noticeVersion", "on"]);
  });

  it("needs an explicit confirmation to withdraw everything", () => {
    expect(withdrawAllSchema.safeParse({}).success).toBe(false);
    expect(withdrawAllSchema.safeParse({ confirm: "yes" }).success).toBe(true);
  });
});
