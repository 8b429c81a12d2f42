import { describe, expect, it } from "vitest";
import { derivedKey, seal, unseal } from "./seal";

describe("sealing a stored secret", () => {
  const key = derivedKey("server secret", "stored-secret");

  it("gives the text back, different ciphertext every time, none of it readable", () => {
    const a = seal(key, "JBSWY3DPEHPK3PXP");
    const b = seal(key, "JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(unseal(key, a)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a changed text, another purpose's key and another server's key", () => {
    const sealed = seal(key, "https://candor.test/invite/abc");
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = `${data[0] === "A" ? "B" : "A"}${data.slice(1)}`;
    expect(() => unseal(key, [v, iv, tag, flipped].join("."))).toThrow();
    expect(() => unseal(derivedKey("server secret", "sign-in-ticket"), sealed)).toThrow();
    expect(() => unseal(derivedKey("another secret", "stored-secret"), sealed)).toThrow();
    expect(() => unseal(key, "plain text")).toThrow();
  });
});
