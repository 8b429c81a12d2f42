/** The header that carries a request's id in and out. */
export const REQUEST_ID_HEADER = "x-request-id";

// A sane token: what load balancers and tracing proxies send (UUIDs, hex, base64url, dotted
// trace ids), short enough for a log line, and nothing that could forge or split one.
const SANE = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/;

/** The caller's request id when it is a sane token, otherwise a fresh random one. */
export function requestIdFrom(incoming: string | null | undefined, generate: () => string = () => crypto.randomUUID()): string {
  const candidate = incoming?.trim();
  return candidate && SANE.test(candidate) ? candidate : generate();
}
