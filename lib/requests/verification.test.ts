import { describe, expect, it } from "vitest";
import { defaultVerification, intakeVerification, levelsFromForm, requestPolicySchema, verificationSettings } from "./verification";

describe("verification levels", () => {
  it("defaults: opt-out needs none, releases and erasures need a fresh code", () => {
    expect(defaultVerification.opt_out_sale).toBe("none");
    expect(defaultVerification.access).toBe("code");
    expect(defaultVerification.deletion).toBe("code");
    expect(defaultVerification.restriction).toBe("session");
  });

  it("keeps the brand's choices and fills the rest with defaults", () => {
    const s = verificationSettings({ access: "session", opt_out_sale: "code" });
    expect(s).toEqual({ ...defaultVerification, access: "session", opt_out_sale: "code" });
  });

  it("a malformed level invalidates the whole stored value, so nothing is weakened by accident", () => {
    expect(verificationSettings({ access: "session", deletion: "bogus" })).toEqual(defaultVerification);
    expect(verificationSettings({ access: "session" }).access).toBe("session");
    expect(verificationSettings("nonsense")).toEqual(defaultVerification);
    expect(verificationSettings(null)).toEqual(defaultVerification);
  });

  it("decides what intake does with the proof it came with", () => {
    expect(intakeVerification("none", "none")).toBe("not-needed");
    expect(intakeVerification("session", "session")).toBe("verified");
    expect(intakeVerification("session", "brand-login")).toBe("verified");
    expect(intakeVerification("session", "none")).toBe("send-code");
    expect(intakeVerification("code", "session")).toBe("send-code");
    expect(intakeVerification("code", "brand-login")).toBe("send-code");
  });
});

describe("the request policy form", () => {
  const form: Record<string, string> = {
    unverifiedCloseDays: "21",
    appiTargetDays: "14",
    ...Object.fromEntries(Object.entries(defaultVerification).map(([k, v]) => [`verify_${k}`, v])),
  };
  it("reads numbers and a level for every type", () => {
    const parsed = requestPolicySchema.parse({ ...form, verify_access: "session" });
    expect(parsed.unverifiedCloseDays).toBe(21);
    expect(levelsFromForm(parsed)).toEqual({ ...defaultVerification, access: "session" });
  });
  it("refuses out-of-range periods and unknown levels", () => {
    expect(requestPolicySchema.safeParse({ ...form, unverifiedCloseDays: "1" }).success).toBe(false);
    expect(requestPolicySchema.safeParse({ ...form, appiTargetDays: "45" }).success).toBe(false);
    expect(requestPolicySchema.safeParse({ ...form, verify_deletion: "trust-me" }).success).toBe(false);
    const { verify_access: _omitted, ...missing } = form;
    void _omitted;
    expect(requestPolicySchema.safeParse(missing).success).toBe(false);
  });
});
