import { describe, expect, it } from "vitest";
import { defaultVerification, intakeVerification, verificationSettings } from "./verification";

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
