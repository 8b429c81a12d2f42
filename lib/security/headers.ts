// The page Content-Security-Policy. Pages get a per-request nonce (set by
// proxy.ts), so only the scripts Next.js renders with it run. The headers every
// response carries (nosniff, framing, HSTS over HTTPS, the data policy for the
// API) are static: response-headers.json, which next.config.js and the server's
// fast lane (lib/server/fast-lane.ts) both apply.
import responseHeaders from "./response-headers.json";

type PolicyOptions = { nonce: string; https: boolean; dev?: boolean };

/** The page policy: own origin only, scripts by nonce, no framing, no plugins, forms post only here. */
export function pageContentSecurityPolicy({ nonce, https, dev = false }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced loader pull its own chunks; dev's hot reload needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style={{…}} attributes and the widget's shadow-DOM <style> are inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** For responses that are data, not documents: nothing may run or frame them. */
export const dataContentSecurityPolicy: string = responseHeaders.dataContentSecurityPolicy;

/**
 * The static headers of an API response, as next.config.js sets them on /api/*: the ones every response carries, the
 * data policy, and HSTS when the visitor came over HTTPS (`X-Forwarded-Proto: https` from a TLS-terminating proxy).
 */
export function apiResponseHeaders(forwardedProto: string | null | undefined): Record<string, string> {
  return {
    ...responseHeaders.everywhere,
    ...(forwardedProto === "https" ? { "Strict-Transport-Security": responseHeaders.strictTransportSecurity } : {}),
    "Content-Security-Policy": dataContentSecurityPolicy,
  };
}

/** A nonce for one response: 128 random bits, base64. */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Whether the visitor's connection is HTTPS, directly or through a proxy that says so. */
export function isHttps(protocol: string, forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return first ? first === "https" : protocol === "https:";
}

/**
 * Whether a state-changing request comes from a page of this site: its Origin's
 * host is the host it was sent to. A request with no Origin at all is not from
 * a browser page of another site (browsers always send it on cross-site POSTs).
 */
export function sameOrigin(origin: string | null, host: string | null): boolean {
  if (origin === null) return true;
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
