import { describe, expect, it } from "vitest";
import { checkReceiptJws, generateReceiptKey, publicJwks, signReceipt, type PublishedReceiptKey } from "./jws";

const receipt = { schema: "ISO/IEC TS 27560:2023", record_id: "r-1", event: { event_state: "given" }, note: "Grüße, 동의" };
const published = (k: Awaited<ReturnType<typeof generateReceiptKey>>, retiredAt: Date | null = null): PublishedReceiptKey => ({
  kid: k.kid,
  publicJwk: k.publicJwk,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  retiredAt,
});

describe("receipt signatures", () => {
  it("signs the receipt's JSON unchanged under an ES256 header naming the key, and checks it back", async () => {
    const key = await generateReceiptKey();
    const jws = await signReceipt(receipt, key);
    const header = JSON.parse(Buffer.from(jws.split(".")[0], "base64url").toString());
    expect(header).toEqual({ alg: "ES256", kid: key.kid, typ: "consent-receipt+jws", cty: "json" });
    expect(JSON.parse(Buffer.from(jws.split(".")[1], "base64url").toString())).toEqual(receipt);
    const check = await checkReceiptJws(jws, [published(key)]);
    expect(check).toMatchObject({ status: "authentic", payload: receipt, key: { kid: key.kid } });
  });

  it("gives each key a thumbprint kid and publishes no private member", async () => {
    const a = await generateReceiptKey();
    const b = await generateReceiptKey();
    expect(a.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.kid).not.toBe(b.kid);
    expect(a.privateJwk.d).toBeTruthy();
    const jwks = publicJwks([a, b]);
    expect(jwks.keys).toHaveLength(2);
    for (const k of jwks.keys) expect(Object.keys(k).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
  });

  it("refuses a receipt with any one character changed, at every position", async () => {
    const key = await generateReceiptKey();
    const jws = await signReceipt({ s: "given" }, key);
    const keys = [published(key)];
    for (let i = 0; i < jws.length; i++) {
      const swap = jws[i] === "A" ? "B" : jws[i] === "." ? "A" : "A";
      const changed = jws.slice(0, i) + swap + jws.slice(i + 1);
      const check = await checkReceiptJws(changed, keys);
      expect(check.status, `position ${i}`).not.toBe("authentic");
    }
  });

  it("still checks a receipt signed by a key that has since been retired", async () => {
    const old = await generateReceiptKey();
    const now = await generateReceiptKey();
    const jws = await signReceipt(receipt, old);
    const check = await checkReceiptJws(jws, [published(old, new Date("2026-06-01T00:00:00Z")), published(now)]);
    expect(check).toMatchObject({ status: "authentic", key: { kid: old.kid } });
  });

  it("says a key no one published is unknown, and a signature by another key with the same kid is not authentic", async () => {
    const ours = await generateReceiptKey();
    const theirs = await generateReceiptKey();
    expect(await checkReceiptJws(await signReceipt(receipt, theirs), [published(ours)])).toEqual({
      status: "unknown-key",
      kid: theirs.kid,
    });
    const forged = await signReceipt(receipt, { kid: ours.kid, privateJwk: theirs.privateJwk });
    expect(await checkReceiptJws(forged, [published(ours)])).toMatchObject({ status: "not-authentic" });
  });

  it("reads text that is not three base64url parts as malformed", async () => {
    for (const bad of ["", "abc", "a.b", "a.b.c.d", "eyJ9.e30.!!", "a b.c.d"])
      expect((await checkReceiptJws(bad, [])).status, bad).toBe("malformed");
  });
});
