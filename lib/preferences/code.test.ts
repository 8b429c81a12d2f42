import { describe, expect, it } from "vitest";
import { codeInputSchema, codeMatches, codeStatus, generateCode, hashCode, MAX_CODE_ATTEMPTS } from "./code";

const key = "server-key";
const now = 1_800_000_000_000;

describe("one-time codes", () => {
  it("always has six digits, leading zeros kept", () => {
    expect(generateCode(() => 42)).toBe("000042");
    expect(generateCode(() => 999_999)).toBe("999999");
    for (let i = 0; i < 200; i++) expect(generateCode()).toMatch(/^\d{6}$/);
  });

  it("stores an HMAC that only the same key and code match", () => {
    const hash = hashCode(key, "123456");
    expect(hash).not.toContain("123456");
    expect(codeMatches(key, "123456", hash)).toBe(true);
    expect(codeMatches(key, "123457", hash)).toBe(false);
    expect(codeMatches("other-key", "123456", hash)).toBe(false);
  });

  it("is usable until used, expired or out of attempts", () => {
    const row = { attempts: 0, maxAttempts: MAX_CODE_ATTEMPTS, expiresAt: now + 1, consumedAt: null };
    expect(codeStatus(row, now)).toBe("usable");
    expect(codeStatus({ ...row, attempts: 4 }, now)).toBe("usable");
    expect(codeStatus({ ...row, attempts: 5 }, now)).toBe("locked");
    expect(codeStatus({ ...row, expiresAt: now }, now)).toBe("expired");
    expect(codeStatus({ ...row, consumedAt: now - 5 }, now)).toBe("used");
  });

  it("reads codes typed with spaces or dashes and refuses anything else", () => {
    expect(codeInputSchema.parse(" 123 456 ")).toBe("123456");
    expect(codeInputSchema.parse("123-456")).toBe("123456");
    for (const bad of ["12345", "1234567", "abcdef", "", 123456]) expect(codeInputSchema.safeParse(bad).success).toBe(false);
  });
});
