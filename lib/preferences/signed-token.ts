import { createHmac, timingSafeEqual } from "node:crypto";

/** base64url HMAC-SHA256 of `data` under `key`. */
export function hmacBase64url(key: string | Buffer, data: string): string {
  return createHmac("sha256", key).update(data).digest("base64url");
}

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  // timingSafeEqual needs equal lengths; comparing against itself keeps the work the same.
  if (x.length !== y.length) {
    timingSafeEqual(x, x);
    return false;
  }
  return timingSafeEqual(x, y);
}

export type TokenKind = "session" | "pending";
export type TokenPayload = { typ: TokenKind; exp: number } & Record<string, string | number>;

/** `payload.signature`, both base64url; the payload is readable, so it never holds anything secret. */
export function signToken(payload: TokenPayload, key: string | Buffer): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${hmacBase64url(key, body)}`;
}

/**
 * The payload of a token this server signed, for the expected kind and not
 * yet expired (`exp` in ms); null for anything else, whatever the reason.
 */
export function verifyToken(token: string | undefined, kind: TokenKind, key: string | Buffer, now: number): TokenPayload | null {
  if (!token || token.length > 1024) return null;
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  if (!safeEqual(sig, hmacBase64url(key, body))) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as TokenPayload;
  if (p.typ !== kind || typeof p.exp !== "number" || p.exp <= now) return null;
  return p;
}
