import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from "jose";
import { createTempDatabase } from "@/db/testing/temp-db";
import { openDatabase } from "@/db/connection";

// The acceptance line of issue 20: a receipt Candor signs verifies with the jose package alone against the
// JWKS the server serves (no Candor verification code below: only jose's compactVerify and createLocalJWKSet
// over the route's answer); one changed character fails; a receipt signed before a rotation verifies after.
const temp = createTempDatabase("receipt-signing");
const db = openDatabase(temp.file);
let signing: typeof import("./receipt-signing");
let jwksRoute: typeof import("@/app/.well-known/jwks.json/route");
const admin = { id: null, email: "admin@example.com" };
const receipt = { schema: "ISO/IEC TS 27560:2023", record_id: "1b4e28ba-2fa1-51d2-883f-0016d3cca427", event: { event_state: "given" } };

async function servedJwks(): Promise<{ body: JSONWebKeySet; response: Response }> {
  const response = await jwksRoute.GET();
  return { body: (await response.clone().json()) as JSONWebKeySet, response };
}
const verifyWithJose = async (jws: string) => compactVerify(jws, createLocalJWKSet((await servedJwks()).body), { algorithms: ["ES256"] });
const audit = (action: string) =>
  db.$client.prepare("SELECT actor_label AS actor, target_id AS kid, details FROM audit_log WHERE action = ? ORDER BY id").all(action) as {
    actor: string;
    kid: string;
    details: string;
  }[];

beforeAll(async () => {
  process.env.DATABASE_PATH = temp.file;
  process.env.AUTH_SECRET = "receipt-signing-secret-receipt-signing-secret";
  signing = await import("./receipt-signing");
  jwksRoute = await import("@/app/.well-known/jwks.json/route");
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("signed consent receipts", () => {
  let first: { jws: string; kid: string };

  it("makes the brand's key on the first receipt (audited) and signs with it from then on", async () => {
    expect((await servedJwks()).body.keys).toEqual([]);
    first = await signing.signConsentReceipt(receipt);
    const again = await signing.signConsentReceipt(receipt);
    expect(again.kid).toBe(first.kid);
    expect(audit("receipt-key.create")).toEqual([{ actor: "system", kid: first.kid, details: '{"reason":"first-use"}' }]);
    const stored = db.$client.prepare("SELECT sealed_private_key AS s FROM receipt_signing_keys").get() as { s: string };
    expect(stored.s).toMatch(/^v1\./);
    expect(stored.s).not.toContain('"d"');
  });

  it("serves public keys only, cacheable, at /.well-known/jwks.json", async () => {
    const { body, response } = await servedJwks();
    expect(response.headers.get("content-type")).toContain("application/jwk-set+json");
    expect(response.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(body.keys).toHaveLength(1);
    for (const key of body.keys) {
      expect(key).not.toHaveProperty("d");
      expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: first.kid });
    }
  });

  it("verifies with jose alone against the served JWKS, the payload being the receipt", async () => {
    expect(decodeProtectedHeader(first.jws)).toMatchObject({ alg: "ES256", kid: first.kid });
    const { payload } = await verifyWithJose(first.jws);
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(receipt);
  });

  it("fails with jose when one character of the receipt is changed", async () => {
    const [h, p, s] = first.jws.split(".");
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    await expect(verifyWithJose([h, flip(p, Math.floor(p.length / 2)), s].join("."))).rejects.toThrow();
    await expect(verifyWithJose([h, p, flip(s, 10)].join("."))).rejects.toThrow();
  });

  it("keeps a receipt signed before a rotation verifying after it, while the new key signs (rotation audited)", async () => {
    const rotated = await signing.rotateReceiptSigningKey(admin);
    expect(rotated.kid).not.toBe(first.kid);
    const { body } = await servedJwks();
    expect(body.keys.map((k) => k.kid).sort()).toEqual([first.kid, rotated.kid].sort());
    await expect(verifyWithJose(first.jws)).resolves.toBeTruthy();
    const next = await signing.signConsentReceipt(receipt);
    expect(next.kid).toBe(rotated.kid);
    await expect(verifyWithJose(next.jws)).resolves.toBeTruthy();
    expect(audit("receipt-key.rotate")).toEqual([
      { actor: "admin@example.com", kid: rotated.kid, details: JSON.stringify({ reason: "rotation", retiredKid: first.kid }) },
    ]);
    const keys = await signing.publishedReceiptKeys();
    expect(keys.find((k) => k.kid === first.kid)?.retiredAt).toBeInstanceOf(Date);
    expect(keys.find((k) => k.kid === rotated.kid)?.retiredAt).toBeNull();
  });

  it("retires a key sealed under a previous AUTH_SECRET and signs with a new one; what it signed still verifies", async () => {
    const before = await signing.signConsentReceipt(receipt);
    process.env.AUTH_SECRET = "a-different-secret-a-different-secret";
    (globalThis as { candorConfig?: unknown }).candorConfig = undefined;
    const after = await signing.signConsentReceipt(receipt);
    expect(after.kid).not.toBe(before.kid);
    expect(audit("receipt-key.rotate").at(-1)).toMatchObject({ actor: "system", kid: after.kid });
    expect(JSON.parse(audit("receipt-key.rotate").at(-1)!.details)).toEqual({ reason: "unreadable", retiredKid: before.kid });
    await expect(verifyWithJose(before.jws)).resolves.toBeTruthy();
    await expect(verifyWithJose(after.jws)).resolves.toBeTruthy();
    expect(db.$client.prepare("SELECT count(*) AS n FROM receipt_signing_keys WHERE retired_at IS NULL").get()).toEqual({ n: 1 });
  });

  it("checks a pasted receipt on the server: authentic, tampered, and one from a key never published", async () => {
    const signed = await signing.signConsentReceipt(receipt);
    expect(await signing.checkReceipt(signed.jws)).toMatchObject({ status: "authentic", key: { kid: signed.kid } });
    expect((await signing.checkReceipt(first.jws)).status).toBe("authentic");
    const [h, , s] = signed.jws.split(".");
    const tampered = Buffer.from(JSON.stringify({ ...receipt, event: { event_state: "withdrawn" } })).toString("base64url");
    expect((await signing.checkReceipt([h, tampered, s].join("."))).status).toBe("not-authentic");
  });
});
