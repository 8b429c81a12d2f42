/** What the logger censors in its place. */
export const REDACTED = "[redacted]";

/**
 * Field paths the logger censors wherever a log call passes them: credentials, one-time
 * codes and tokens, and contact details. (`code` is listed by container, not by wildcard,
 * so an error's own `code` such as SQLITE_BUSY stays readable.)
 */
export const redactedPaths: string[] = [
  ...["authorization", "cookie"].flatMap((h) => [h, `*.${h}`, `req.headers.${h}`]),
  'headers["set-cookie"]',
  'res.headers["set-cookie"]',
  ...["password", "token", "secret", "apiKey", "email", "toAddress", "to", "phone", "externalId"].flatMap((f) => [f, `*.${f}`]),
  "code",
  "body.code",
  "input.code",
  "params.code",
];

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const KEY = /\b([cp]k_(?:live|test|demo)_)[A-Za-z0-9_-]+/g;

/** Free text with email addresses, bearer tokens and API keys censored: error messages can carry them. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(BEARER, `$1${REDACTED}`).replace(KEY, `$1${REDACTED}`);
}

// Route words stay; anything else in a path (ids, refs, tokens) becomes ":param".
const ROUTE_WORD = /^(?:\.?[a-z][a-z.-]*|v\d+|\[[^\]]+\])$/;

/** A URL path fit for a log: query dropped, every segment that is not a route word replaced. */
export function pathForLog(pathOrUrl: string): string {
  const pathname = pathOrUrl.replace(/^[a-z]+:\/\/[^/]+/i, "").split(/[?#]/, 1)[0] || "/";
  return pathname
    .split("/")
    .map((segment) => (segment === "" || ROUTE_WORD.test(segment) ? segment : ":param"))
    .join("/");
}
