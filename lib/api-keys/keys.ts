import { createHash, randomBytes } from "node:crypto";

/** Secret keys for the brand's servers, publishable ones for the widget, recipient keys for one recipient's feed and confirmations. */
export const apiKeyKinds = ["secret", "publishable", "recipient"] as const;
export type ApiKeyKind = (typeof apiKeyKinds)[number];

/** The kinds an administrator creates on the API keys page; a recipient key is made with the recipient's feed path. */
export const staffApiKeyKinds = ["secret", "publishable"] as const satisfies readonly ApiKeyKind[];

// Stripe-style prefixes: a leaked key says what it is, and secret scanners can match it.
const kindPrefix: Record<ApiKeyKind, string> = { secret: "ck_live_", publishable: "pk_live_", recipient: "rk_live_" };

/** How many leading characters are kept in the clear, so staff can tell keys apart. */
export const PREFIX_LENGTH = 12;

const keyPattern = /^(ck|pk|rk)_live_[A-Za-z0-9_-]{43}$/;

export type GeneratedApiKey = { plaintext: string; prefix: string; keyHash: string };

/**
 * A new key: 32 random bytes. Only its hash is stored; the plaintext is shown once.
 * SHA-256 (not a slow password hash) is enough because the key itself has 256 bits of
 * entropy, and every API request must find its key by hash quickly.
 */
export function generateApiKey(kind: ApiKeyKind): GeneratedApiKey {
  const plaintext = `${kindPrefix[kind]}${randomBytes(32).toString("base64url")}`;
  return { plaintext, prefix: plaintext.slice(0, PREFIX_LENGTH), keyHash: hashApiKey(plaintext) };
}

/** The stored fingerprint of a key (hex SHA-256). */
export function hashApiKey(plaintext: string): string {
  return createHash("sha256").update(plaintext, "utf8").digest("hex");
}

/** Whether a string has the shape of a Candor key; anything else is refused before a lookup. */
export function isWellFormedApiKey(value: string): boolean {
  return keyPattern.test(value);
}

/** The kind a well-formed key declares by its prefix. */
export function kindOfKey(value: string): ApiKeyKind | null {
  if (!isWellFormedApiKey(value)) return null;
  return value.startsWith("ck_") ? "secret" : value.startsWith("rk_") ? "recipient" : "publishable";
}

/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1; the scheme is
 * case-insensitive), or null when the header is missing or uses another scheme.
 */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i.exec(header.trim());
  return match ? match[1] : null;
}

/** Whether two key names are the same to a reader: surrounding spaces, case and Unicode form ignored ("Shop" = " shop "). */
export function sameKeyName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").trim().toLocaleLowerCase("en");
  return norm(a) === norm(b);
}
