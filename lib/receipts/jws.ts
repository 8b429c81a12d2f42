import { calculateJwkThumbprint, CompactSign, compactVerify, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK } from "jose";
import type { JWK } from "jose";

/** The one algorithm receipts are signed with: ECDSA over P-256 with SHA-256 (RFC 7518 §3.4). */
export const receiptAlg = "ES256";
/** The JWS `typ` of a consent receipt, so a receipt is not mistaken for another token the brand signs. */
export const receiptTyp = "consent-receipt+jws";

export type PublicReceiptJwk = { kty: string; crv: string; x: string; y: string };
export type GeneratedReceiptKey = { kid: string; publicJwk: PublicReceiptJwk; privateJwk: JWK };
/** A published key as the verifier knows it: its public half and when it signed. */
export type PublishedReceiptKey = { kid: string; publicJwk: PublicReceiptJwk; createdAt: Date; retiredAt: Date | null };

/** A new P-256 key pair; its kid is the RFC 7638 thumbprint of the public key, so it names the key and nothing else. */
export async function generateReceiptKey(): Promise<GeneratedReceiptKey> {
  const { publicKey, privateKey } = await generateKeyPair(receiptAlg, { extractable: true });
  const pub = await exportJWK(publicKey);
  const publicJwk = { kty: String(pub.kty), crv: String(pub.crv), x: String(pub.x), y: String(pub.y) };
  const kid = await calculateJwkThumbprint(publicJwk, "sha256");
  return { kid, publicJwk, privateJwk: { ...(await exportJWK(privateKey)), kid } };
}

/** The receipt as a compact JWS: the receipt's JSON is the payload, unchanged; the header names the key. */
export async function signReceipt(receipt: object, key: { kid: string; privateJwk: JWK }): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, receiptAlg);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(receipt)))
    .setProtectedHeader({ alg: receiptAlg, kid: key.kid, typ: receiptTyp, cty: "json" })
    .sign(privateKey);
}

/** The JWKS document: public keys only, each marked for ES256 signatures. */
export function publicJwks(keys: Pick<PublishedReceiptKey, "kid" | "publicJwk">[]) {
  return {
    keys: keys.map((k) => ({
      kty: k.publicJwk.kty,
      crv: k.publicJwk.crv,
      x: k.publicJwk.x,
      y: k.publicJwk.y,
      kid: k.kid,
      alg: receiptAlg,
      use: "sig",
    })),
  };
}

export type ReceiptCheck =
  | { status: "authentic"; key: PublishedReceiptKey; payload: unknown }
  | { status: "malformed" }
  | { status: "unknown-key"; kid: string | null }
  | { status: "not-authentic"; key: PublishedReceiptKey };

const segment = /^[A-Za-z0-9_-]+$/;
// Base64url has more than one spelling of the same bytes in its last character; only the canonical one is
// accepted, so a changed character is never "still authentic" because its changed bits were padding.
const canonical = (part: string) => segment.test(part) && Buffer.from(part, "base64url").toString("base64url") === part;

/**
 * Checks a compact JWS against the published keys: the key its header names must be one of them (current or
 * retired), the algorithm ES256, and the signature good over the exact header and payload given.
 */
export async function checkReceiptJws(token: string, keys: PublishedReceiptKey[]): Promise<ReceiptCheck> {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every(canonical)) return { status: "malformed" };
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return { status: "malformed" };
  }
  const kid = typeof header.kid === "string" ? header.kid : null;
  const key = kid ? keys.find((k) => k.kid === kid) : undefined;
  if (!key) return { status: "unknown-key", kid };
  if (header.alg !== receiptAlg || header.typ !== receiptTyp) return { status: "not-authentic", key };
  try {
    const { payload } = await compactVerify(token, await importJWK({ ...key.publicJwk }, receiptAlg), { algorithms: [receiptAlg] });
    return { status: "authentic", key, payload: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payload)) as unknown };
  } catch {
    return { status: "not-authentic", key };
  }
}
