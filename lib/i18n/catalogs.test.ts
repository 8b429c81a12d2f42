import { describe, expect, it } from "vitest";
import { catalogs } from "./catalogs";
import { locales, negotiateLocale } from "./config";

function leaves(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  const english = leaves(catalogs.en);

  for (const locale of locales) {
    it(`${locale} has exactly the English keys`, () => {
      expect([...leaves(catalogs[locale]).keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${locale} has no empty message`, () => {
      for (const [key, value] of leaves(catalogs[locale])) expect(value.trim(), key).not.toBe("");
    });

    it(`${locale} uses the same placeholders as English`, () => {
      for (const [key, value] of leaves(catalogs[locale])) {
        expect(new Set(placeholders(value)), key).toEqual(new Set(placeholders(english.get(key)!)));
      }
    });
  }

  it("translates the Korean and Japanese catalogs rather than copying English", () => {
    for (const locale of ["ko", "ja"] as const) {
      const properNames = new Set(["Candor"]);
      const same = [...leaves(catalogs[locale])].filter(([k, v]) => v === english.get(k) && /[a-z]{4}/.test(v) && !properNames.has(v));
      expect(
        same.map(([k]) => k),
        locale,
      ).toEqual([]);
    }
  });
});

describe("negotiateLocale", () => {
  it("picks the highest-quality supported language", () => {
    expect(negotiateLocale("fr-FR,ko;q=0.8,ja;q=0.9")).toBe("ja");
    expect(negotiateLocale("ko-KR,ko;q=0.9,en-US;q=0.8")).toBe("ko");
  });

  it("keeps header order between equal qualities", () => {
    expect(negotiateLocale("ja, ko")).toBe("ja");
  });

  it("falls back to English for unsupported, empty or malformed headers", () => {
    expect(negotiateLocale("de-DE,fr;q=0.5")).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(";;;q=abc,")).toBe("en");
  });

  it("ignores languages refused with q=0", () => {
    expect(negotiateLocale("ko;q=0, ja;q=0.1")).toBe("ja");
  });
});
