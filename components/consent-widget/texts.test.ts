import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";
import { texts } from "./texts";

describe("widget texts", () => {
  it("has every text in every locale, none empty", () => {
    const keys = Object.keys(texts.en).sort();
    for (const locale of locales) {
      expect(Object.keys(texts[locale]).sort(), locale).toEqual(keys);
      for (const [key, value] of Object.entries(texts[locale])) expect(value.trim(), `${locale}.${key}`).not.toBe("");
    }
  });

  it("translates Korean and Japanese rather than copying English", () => {
    for (const locale of ["ko", "ja"] as const) {
      const copied = Object.entries(texts[locale]).filter(([key, value]) => value === texts.en[key as keyof typeof texts.en]);
      expect(copied, locale).toEqual([]);
    }
  });

  it("gives accepting and refusing labels of comparable length, so neither button dominates", () => {
    for (const locale of locales) {
      const { accept, reject } = texts[locale];
      expect(Math.abs(accept.length - reject.length), locale).toBeLessThanOrEqual(2);
    }
  });
});
