import { describe, expect, it } from "vitest";
import { pickLocale } from "./locale";

describe("pickLocale", () => {
  it("takes the primary subtag of the page's lang", () => {
    expect(pickLocale("ko-KR")).toBe("ko");
    expect(pickLocale("ja")).toBe("ja");
    expect(pickLocale("JA_jp")).toBe("ja");
    expect(pickLocale("en-GB")).toBe("en");
  });

  it("falls back to English for a language Candor does not speak, or none", () => {
    expect(pickLocale("de-DE")).toBe("en");
    expect(pickLocale("")).toBe("en");
    expect(pickLocale(null)).toBe("en");
    expect(pickLocale(undefined)).toBe("en");
  });
});
