import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * The SSRF guard for webhook endpoints (issue 14, deliverable 8). An officer types a URL and Candor's
 * server then posts personal data to it, so a URL that reaches Candor's own network (loopback, a private
 * LAN, a cloud metadata service at 169.254.169.254) would turn the webhook form into a way to read or
 * poke internal services. The check runs at save and again before every send, because DNS can change
 * between the two (rebinding). It is pure: the caller resolves the host name and passes the addresses,
 * then connects to exactly those addresses so the name cannot resolve differently a moment later.
 */

/** How the guard is configured; `allowInsecure` is the development and test setting, never on in production. */
export type EndpointSettings = { allowInsecure: boolean };

/** The resolver the caller injects (in the server, dns.lookup with `all: true`): every address the host name has. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/** Why an endpoint is refused; labels will live in the i18n catalog under the same codes. */
export const endpointRefusals = [
  "not-a-url",
  "too-long",
  "not-https",
  "credentials-in-url",
  "unresolved",
  "not-an-address",
  "not-public",
] as const;
export type EndpointRefusal = (typeof endpointRefusals)[number];

export type EndpointCheck = { ok: true; addresses: string[] } | { ok: false; reason: EndpointRefusal; address?: string; range?: string };

/** Longest endpoint URL accepted: beyond this it is not a real endpoint, and it bounds what is stored. */
export const MAX_ENDPOINT_URL_LENGTH = 2048;

/**
 * ipaddr.js range() names a development setup may reach: the machine itself, a LAN, a container network.
 * Link-local stays refused even then: it holds the cloud metadata address, which no test needs.
 */
const LOCAL_RANGES: ReadonlySet<string> = new Set(["loopback", "private", "uniqueLocal", "carrierGradeNat"]);

/** Why the URL itself (before any address) is refused, or null when its form is acceptable. */
function urlRefusal(raw: string, settings: EndpointSettings): EndpointRefusal | null {
  if (raw.length > MAX_ENDPOINT_URL_LENGTH) return "too-long";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "not-a-url";
  }
  if (url.hostname === "") return "not-a-url";
  // Plain HTTP would send personal data and the signature in clear; only the development setting allows it.
  if (url.protocol !== "https:" && !(settings.allowInsecure && url.protocol === "http:")) return "not-https";
  // Credentials in a URL end up in logs and in the page that lists endpoints.
  if (url.username !== "" || url.password !== "") return "credentials-in-url";
  return null;
}

/** The zod schema for an endpoint URL typed into a form or sent to the API: its form only; addresses come later. */
export function webhookEndpointUrlSchema(settings: EndpointSettings) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .superRefine((value, ctx) => {
      const refusal = urlRefusal(value, settings);
      if (refusal) ctx.addIssue({ code: "custom", message: refusal });
    });
}

/** The name the caller resolves for a URL: the host name, or the address itself (without brackets) for a literal. */
export function endpointHost(raw: string): string {
  const host = new URL(raw).hostname;
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** Whether a host name is an address literal, which needs no resolving. */
export function isAddressLiteral(host: string): boolean {
  return ipaddr.isValid(host);
}

/**
 * The ipaddr.js range of an address, looking through IPv4-mapped IPv6 (::ffff:127.0.0.1 reaches
 * 127.0.0.1 on a dual-stack socket), or null when the text is not an address.
 */
export function addressRange(address: string): { address: string; range: string } | null {
  if (!ipaddr.isValid(address)) return null;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  // The deprecated IPv4-compatible form (::a.b.c.d, RFC 4291 §2.5.5.1) is "unicast" to ipaddr.js but embeds an
  // IPv4 address (https://[::169.254.169.254]/): refused as a range of its own, like the other embeddings.
  if (parsed.kind() === "ipv6") {
    const parts = (parsed as ipaddr.IPv6).parts;
    if (parts.slice(0, 6).every((p) => p === 0) && !(parts[6] === 0 && parts[7] <= 1))
      return { address: parsed.toString(), range: "ipv4Compatible" };
  }
  return { address: parsed.toString(), range: parsed.range() };
}

/**
 * Whether one address may receive a delivery. Only "unicast" (what ipaddr.js calls every address
 * outside a special range) is public: a deny-by-default list, so a special range that ipaddr.js
 * adds later (or NAT64, 6to4 and Teredo, which embed an IPv4 address that could be private) is refused.
 */
function addressRefusal(address: string, settings: EndpointSettings): EndpointCheck | null {
  const classified = addressRange(address);
  if (!classified) return { ok: false, reason: "not-an-address", address };
  if (classified.range === "unicast") return null;
  if (settings.allowInsecure && LOCAL_RANGES.has(classified.range)) return null;
  return { ok: false, reason: "not-public", address: classified.address, range: classified.range };
}

/**
 * Whether an endpoint may receive deliveries, given every address its host resolved to. One bad
 * address refuses the whole endpoint: with several A/AAAA records the connection could use any.
 */
export function checkEndpointAddresses(raw: string, resolved: readonly string[], settings: EndpointSettings): EndpointCheck {
  const refusal = urlRefusal(raw, settings);
  if (refusal) return { ok: false, reason: refusal };
  const host = endpointHost(raw);
  // "localhost" and *.localhost are loopback by definition (RFC 6761 §6.3), whatever a resolver says.
  const lower = host.toLowerCase().replace(/\.$/, "");
  if ((lower === "localhost" || lower.endsWith(".localhost")) && !settings.allowInsecure) {
    return { ok: false, reason: "not-public", address: host, range: "loopback" };
  }
  const addresses = isAddressLiteral(host) ? [host] : [...resolved];
  if (addresses.length === 0) return { ok: false, reason: "unresolved" };
  for (const address of addresses) {
    const refused = addressRefusal(address, settings);
    if (refused) return refused;
  }
  return { ok: true, addresses };
}

/** The whole check with the caller's resolver: the URL's form, then every address; a failed lookup is "unresolved". */
export async function checkEndpoint(raw: string, resolve: ResolveHost, settings: EndpointSettings): Promise<EndpointCheck> {
  const refusal = urlRefusal(raw, settings);
  if (refusal) return { ok: false, reason: refusal };
  const host = endpointHost(raw);
  if (isAddressLiteral(host)) return checkEndpointAddresses(raw, [host], settings);
  let resolved: string[];
  try {
    resolved = await resolve(host);
  } catch {
    return { ok: false, reason: "unresolved" };
  }
  return checkEndpointAddresses(raw, resolved, settings);
}
