import { describe, expect, it } from "vitest";
import { bearerToken, generateApiKey, hashApiKey, isWellFormedApiKey, kindOfKey, PREFIX_LENGTH, sameKeyName } from "./keys";

describe("generateApiKey", () => {
  it("makes ck_live_ secret and pk_live_ publishable keys of 32 random bytes", () => {
    const secret = generateApiKey("secret");
    const publishable = generateApiKey("publishable");
    expect(secret.plaintext).toMatch(/^ck_live_[A-Za-z0-9_-]{43}$/);
    expect(publishable.plaintext).toMatch(/^pk_live_[A-Za-z0-9_-]{43}$/);
    expect(secret.plaintext).not.toBe(generateApiKey("secret").plaintext);
  });

  it("keeps the first 12 characters as the prefix and only a SHA-256 of the rest", () => {
    const key = generateApiKey("secret");
    expect(key.prefix).toBe(key.plaintext.slice(0, PREFIX_LENGTH));
    expect(key.prefix).toHaveLength(12);
    expect(key.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.keyHash).toBe(hashApiKey(key.plaintext));
    expect(key.keyHash).not.toContain(key.plaintext.slice(PREFIX_LENGTH));
  });
});

describe("key shape", () => {
  it("recognizes well-formed keys and their kind", () => {
    const key = generateApiKey("publishable").plaintext;
    expect(isWellFormedApiKey(key)).toBe(true);
    expect(kindOfKey(key)).toBe("publishable");
    expect(kindOfKey(generateApiKey("secret").plaintext)).toBe("secret");
    expect(kindOfKey("sk_live_abc")).toBeNull();
    expect(isWellFormedApiKey(`${key}x`)).toBe(false);
  });
});

describe("bearerToken", () => {
  it("reads the token of a Bearer header, case-insensitively", () => {
    expect(bearerToken("Bearer ck_live_abc")).toBe("ck_live_abc");
    expect(bearerToken("bearer   ck_live_abc ")).toBe("ck_live_abc");
  });

  it("returns null for a missing header, another scheme or an empty token", () => {
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("")).toBeNull();
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
  });
});

describe("sameKeyName", () => {
  it("treats names differing only in case, surrounding spaces or Unicode form as the same", () => {
    expect(sameKeyName("Shop backend", " shop BACKEND ")).toBe(true);
    expect(sameKeyName("Ｓｈｏｐ", "shop")).toBe(true);
    expect(sameKeyName("Shop backend", "Shop backend 2")).toBe(false);
  });
});
