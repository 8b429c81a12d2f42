import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask";

describe("maskEmail", () => {
  it("keeps the first two letters and the domain", () => {
    expect(maskEmail("hajunhan14@example.kr")).toBe("ha******@example.kr");
    expect(maskEmail("seo@example.kr")).toBe("se***@example.kr");
  });

  it("never shows a short local part whole", () => {
    expect(maskEmail("ab@example.kr")).toBe("a***@example.kr");
    expect(maskEmail("a@example.kr")).toBe("a***@example.kr");
  });

  it("handles a missing or odd address", () => {
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail("no-at-sign")).toBe("***");
  });
});
