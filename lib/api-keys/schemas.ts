import { z } from "zod";
import { staffApiKeyKinds } from "./keys";

export const MAX_ORIGINS = 20;

/**
 * A web origin as browsers send it in the Origin header (scheme, host, optional port),
 * normalized; null for anything else: other schemes, paths, queries, credentials, host
 * wildcards. A wildcard port ("http://localhost:*") is kept, as the widget matches it, so a
 * developer's local server works on any port.
 */
export function parseOrigin(input: string): string | null {
  const value = input.trim();
  const anyPort = /^(https?:\/\/[^/:*?#@\s]+):\*\/?$/i.exec(value);
  if (anyPort) {
    const host = parseOrigin(anyPort[1]);
    return host ? `${host}:*` : null;
  }
  if (!/^https?:\/\//i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return null;
  if (!url.hostname || url.hostname.includes("*")) return null;
  // new URL() accepts "https://shop.example.com/?" and "…#" with empty search/hash; refuse what the user did not mean.
  if (/[?#]/.test(value)) return null;
  return url.origin;
}

/** One origin per line (commas and spaces also separate); blank lines are ignored. */
export function splitOrigins(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The origins field: every line a valid origin, duplicates dropped. */
const originList = z
  .string()
  .max(4_000, { error: "too-long" })
  .optional()
  .default("")
  .transform((text, ctx) => {
    const origins: string[] = [];
    for (const line of splitOrigins(text)) {
      const origin = parseOrigin(line);
      if (!origin) {
        ctx.addIssue({ code: "custom", message: "invalid-origin" });
        return z.NEVER;
      }
      if (!origins.includes(origin)) origins.push(origin);
    }
    if (origins.length > MAX_ORIGINS) {
      ctx.addIssue({ code: "custom", message: "too-many-origins" });
      return z.NEVER;
    }
    return origins;
  });

/**
 * The admin form for a new key. Publishable keys run in browsers and name the sites allowed
 * to use them (none: the brand's allowed sites apply); secret keys are for servers and take none.
 */
export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, { error: "required" }).max(100, { error: "too-long" }),
    kind: z.enum(staffApiKeyKinds, { error: "invalid-kind" }),
    allowedOrigins: originList,
  })
  .superRefine((input, ctx) => {
    if (input.kind === "secret" && input.allowedOrigins.length > 0)
      ctx.addIssue({ code: "custom", path: ["allowedOrigins"], message: "origins-secret" });
  });

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({
  keyId: z.coerce.number().int().positive(),
});
