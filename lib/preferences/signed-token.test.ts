import { describe, expect, it } from "vitest";
import { safeEqual, signToken, verifyToken } from "./signed-token";

const key = "k".repeat(32);
const now = 1_800_000_000_000;

describe("signed tokens", () => {
  it("round-trips a payload of the expected kind before it expires", () => {
    const token = signToken({ typ: "session", sid: "abc", exp: now + 1000 }, key);
    expect(verifyToken(token, "session", key, now)).toEqual({ typ: "session", sid: "abc", exp: now + 1000 });
  });

  it("refuses an expired token, one of another kind, or one signed with another key", () => {
    const token = signToken({ typ: "session", sid: "abc", exp: now + 1000 }, key);
    expect(verifyToken(token, "session", key, now + 1000)).toBeNull();
    expect(verifyToken(token, "pending", key, now)).toBeNull();
    expect(verifyToken(token, "session", "other-key", now)).toBeNull();
  });

  it("refuses a payload changed after signing, even with the old signature", () => {
    const [, sig] = signToken({ typ: "session", sid: "abc", exp: now + 1000 }, key).split(".");
    const forged = Buffer.from(JSON.stringify({ typ: "session", sid: "someone-else", exp: now + 1000 })).toString("base64url");
    expect(verifyToken(`${forged}.${sig}`, "session", key, now)).toBeNull();
  });

  it("refuses garbage without throwing", () => {
    for (const t of [undefined, "", ".", "a.b.c", "x".repeat(2000), "bm90IGpzb24.c2ln"])
      expect(verifyToken(t, "session", key, now)).toBeNull();
  });

  it("compares strings of different lengths as unequal", () => {
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("abc", "abc")).toBe(true);
  });
});
