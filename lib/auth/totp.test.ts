import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { groupedSecret, matchTotp, newRecoveryCodes, newTotpSecret, readSecondFactor, recoveryCodeHash, totpCode, totpUri } from "./totp";

const T = Date.parse("2026-12-07T00:00:10Z");
const step = (at: number) => Math.floor(at / 30_000);

describe("TOTP codes", () => {
  const secret = newTotpSecret();

  it("makes a 160-bit base32 secret that an independent TOTP reading agrees with", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const app = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
    expect(totpCode(secret, T)).toBe(app.generate({ timestamp: T }));
    expect(totpUri(secret, "mo@example.com", "Northtrail")).toMatch(/^otpauth:\/\/totp\/Northtrail:mo%40example\.com\?.*secret=/);
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });

  it("accepts the current code and one step either side, and gives the step it was for", () => {
    expect(matchTotp(secret, totpCode(secret, T), T, null)).toBe(step(T));
    expect(matchTotp(secret, totpCode(secret, T - 30_000), T, null)).toBe(step(T) - 1);
    expect(matchTotp(secret, totpCode(secret, T + 30_000), T, null)).toBe(step(T) + 1);
  });

  it("refuses a code two steps old, a wrong code, and another secret's code", () => {
    expect(matchTotp(secret, totpCode(secret, T - 60_000), T, null)).toBeNull();
    const wrong = String((Number(totpCode(secret, T)) + 1) % 1_000_000).padStart(6, "0");
    expect(matchTotp(secret, wrong, T, null)).toBeNull();
    expect(matchTotp(secret, totpCode(newTotpSecret(), T), T, null)).toBeNull();
  });

  it("refuses a code once its step (or a later one) was accepted: no reuse within the window", () => {
    const code = totpCode(secret, T);
    const accepted = matchTotp(secret, code, T, null)!;
    expect(matchTotp(secret, code, T + 5_000, accepted)).toBeNull();
    // The previous step's code, still inside the window, is refused too once a later step was used.
    expect(matchTotp(secret, totpCode(secret, T - 30_000), T, accepted)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, T + 30_000), T + 30_000, accepted)).toBe(accepted + 1);
  });
});

describe("what a typed code is", () => {
  it("reads six digits with spaces as a TOTP code and the recovery form with or without its hyphen", () => {
    expect(readSecondFactor(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(readSecondFactor("K7P2M-X9QRT")).toEqual({ kind: "recovery", code: "k7p2mx9qrt" });
    expect(readSecondFactor("12345")).toEqual({ kind: "invalid" });
    expect(readSecondFactor("' OR 1=1 --")).toEqual({ kind: "invalid" });
  });
});

describe("recovery codes", () => {
  const key = Buffer.alloc(32, 1);
  it("makes ten distinct codes from an alphabet without look-alikes, hashed the same however typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(recoveryCodeHash(key, codes[0])).toBe(recoveryCodeHash(key, codes[0].toUpperCase().replace("-", " ")));
    expect(recoveryCodeHash(key, codes[0])).not.toBe(recoveryCodeHash(key, codes[1]));
    expect(readSecondFactor(codes[0]).kind).toBe("recovery");
  });

  it("stores a code keyed by the server: not its plain SHA-256, and another key gives another value", () => {
    const code = "k7p2mx9qrt";
    const plain = createHash("sha256").update(code).digest("hex");
    expect(recoveryCodeHash(key, code)).not.toBe(plain);
    expect(recoveryCodeHash(key, code)).not.toBe(recoveryCodeHash(Buffer.alloc(32, 7), code));
  });
});
