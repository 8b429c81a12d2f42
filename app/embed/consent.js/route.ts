import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { WIDGET_BUNDLE_PATH } from "@/lib/widget/bundle";
import { config } from "@/lib/server/config";

export const dynamic = "force-dynamic";

type Bundle = { body: string; etag: string };
let cached: Bundle | undefined;

// Read once in production; in development `npm run build:widget -- --watch` rewrites it, so read each time.
function loadBundle(): Bundle | undefined {
  if (cached) return cached;
  let body: string;
  try {
    body = fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), WIDGET_BUNDLE_PATH), "utf8");
  } catch {
    return undefined;
  }
  // Weak: Next may gzip the body on the way out, and the two encodings share this validator.
  const bundle = { body, etag: `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"` };
  if (config().nodeEnv === "production") cached = bundle;
  return bundle;
}

/** GET /embed/consent.js — the consent widget that brands embed with a <script> tag. */
export function GET(request: Request): Response {
  const bundle = loadBundle();
  if (!bundle) {
    return new Response("The consent widget has not been built: run `npm run build:widget`.\n", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const headers = {
    "Content-Type": "text/javascript; charset=utf-8",
    ETag: bundle.etag,
    // Five minutes: a fix reaches every embedding site soon, yet repeat page views revalidate cheaply.
    "Cache-Control": "public, max-age=300",
    // Any site may load the script; it can do nothing without a key that allows that site.
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
  };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim() === bundle.etag || tag.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(bundle.body, { headers });
}
