/**
 * Origin rules for publishable keys. An allowed-origins entry is an exact
 * origin ("https://shop.example") or one with a wildcard port
 * ("http://localhost:*") so a developer's local server works on any port.
 */

/** The origin of a URL-like string, or null when it is not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

function matches(origin: string, entry: string): boolean {
  const wildcard = /^(https?:\/\/[^/:]+):\*$/i.exec(entry.trim());
  if (wildcard) {
    const url = new URL(origin);
    return `${url.protocol}//${url.hostname}`.toLowerCase() === wildcard[1].toLowerCase();
  }
  return normalizeOrigin(entry) === origin;
}

/**
 * Whether a browser request may use a publishable key. `origin` is the
 * request's Origin header (absent on a same-origin GET); `selfOrigin` is
 * Candor's own origin, which every publishable key allows, so Candor's own
 * pages (the demo store) embed the widget without listing themselves;
 * `fetchSite` is Sec-Fetch-Site, the browser's word on a request without Origin.
 */
export function originAllowed(args: {
  origin: string | null;
  selfOrigin: string;
  allowed: readonly string[];
  fetchSite: string | null;
}): boolean {
  if (args.origin === null) return args.fetchSite === "same-origin";
  const origin = normalizeOrigin(args.origin);
  if (!origin) return false;
  if (origin === normalizeOrigin(args.selfOrigin)) return true;
  return args.allowed.some((entry) => matches(origin, entry));
}
