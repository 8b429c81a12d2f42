import { describe, expect, it } from "vitest";
import { locales } from "../i18n/config";
import { preferencesCodeMessage } from "./preferences-code";

describe("preference center code message", () => {
  for (const locale of locales) {
    it(`carries the code, the brand and the time limit in ${locale}`, () => {
      const m = preferencesCodeMessage(locale, { brand: "Northtrail", name: "Ha-jun", code: "012345", minutes: 10 });
      expect(m.subjectLine).toContain("Northtrail");
      expect(m.subjectLine).not.toContain("012345");
      expect(m.body).toContain("012345");
      expect(m.body).toContain("10");
      expect(m.body).toContain("Ha-jun");
    });
  }

  it("greets without a name when the brand has none", () => {
    expect(preferencesCodeMessage("en", { brand: "N", name: null, code: "111111", minutes: 10 }).body.startsWith("Hello,")).toBe(true);
  });
});
