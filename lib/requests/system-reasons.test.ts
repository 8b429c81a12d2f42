import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";
import { subjectMessage } from "./subject-messages";
import { reasonText, storedSystemReason, systemReasonCodes, systemReasonOf, systemReasonTexts } from "./system-reasons";

describe("system reasons", () => {
  it("every reason Candor writes itself has a text in en, ko and ja, and ko and ja are not English", () => {
    expect([...systemReasonCodes]).toEqual(["identity-not-verified"]);
    for (const code of systemReasonCodes) {
      for (const locale of locales) expect(systemReasonTexts[locale][code].trim(), `${locale}/${code}`).not.toBe("");
      for (const locale of ["ko", "ja"] as const) expect(systemReasonTexts[locale][code], `${locale}/${code}`).not.toMatch(/[A-Za-z]{3,}/);
    }
    for (const locale of locales) expect(Object.keys(systemReasonTexts[locale]).sort()).toEqual([...systemReasonCodes].sort());
  });

  it("reads a stored code in the reader's language, English for a language we do not write", () => {
    const stored = storedSystemReason("identity-not-verified");
    expect(stored).toBe("system:identity-not-verified");
    expect(systemReasonOf(stored)).toBe("identity-not-verified");
    expect(reasonText(stored, "ja")).toBe(systemReasonTexts.ja["identity-not-verified"]);
    expect(reasonText(stored, "ko")).toBe(systemReasonTexts.ko["identity-not-verified"]);
    expect(reasonText(stored, "fr")).toBe(systemReasonTexts.en["identity-not-verified"]);
  });

  it("reads the English sentence older rows hold as the same reason", () => {
    expect(systemReasonOf("Identity was not verified in time.")).toBe("identity-not-verified");
    expect(reasonText("Identity was not verified in time.", "ja")).toBe(systemReasonTexts.ja["identity-not-verified"]);
    expect(reasonText("Identity could not be verified within 21 days.", "ko")).toBe(systemReasonTexts.ko["identity-not-verified"]);
  });

  it("leaves a staff member's words, and an unknown code, as written", () => {
    expect(systemReasonOf("We hold no account under this name")).toBeNull();
    expect(reasonText("We hold no account under this name", "ja")).toBe("We hold no account under this name");
    expect(reasonText("system:no-such-code", "ja")).toBe("system:no-such-code");
    expect(systemReasonOf(null)).toBeNull();
  });

  it("a Japanese rejection message carries the reason in Japanese, not the code or English", () => {
    const m = subjectMessage("request-rejected", "ja", {
      ref: "REQ-2027-00001",
      brand: "Northtrail",
      reason: storedSystemReason("identity-not-verified"),
    });
    expect(m.body).toContain(`理由: ${systemReasonTexts.ja["identity-not-verified"]}`);
    // The reference and the brand's own name (now in the greeting and signature) are the only Latin words.
    expect(m.body.replace("REQ-2027-00001", "").replaceAll("Northtrail", "")).not.toMatch(/[A-Za-z]{3,}/);
    const staff = subjectMessage("request-rejected", "ja", { ref: "REQ-2027-00002", brand: "Northtrail", reason: "重複したご請求です。" });
    expect(staff.body).toContain("理由: 重複したご請求です。");
  });
});
