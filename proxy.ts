import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { isHttps, makeNonce, pageContentSecurityPolicy, sameOrigin } from "@/lib/security/headers";

// Runs before every page request (not build assets, not the API):
// - gives it an id (the caller's x-request-id when it is a sane token), passed on and
//   returned, so a log line can be matched to the call that caused it;
// - answers an address with a broken %-escape with a 400 problem (Next.js would give a bare 500);
// - refuses a server action posted by a page of another site (CSRF), before Next.js reads it;
// - gives each page a fresh CSP nonce, which Next.js reads from the request's policy and
//   puts on its own scripts (data routes get their static policy from next.config.js);
// - sends visitors of /admin with no session cookie at all to sign in: a convenience only,
//   since every page, action and route handler checks the session and role itself.
const dataPaths = /^\/(embed\/consent\.js|exports\/|\.well-known\/)/;

function refuseCrossSite(): NextResponse {
  const body = {
    type: "https://candor.dev/problems/forbidden",
    title: "Cross-site request refused",
    status: 403,
    detail: "This action can only be sent from Candor's own pages.",
  };
  return new NextResponse(JSON.stringify(body), {
    status: 403,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

/**
 * An address whose %-escapes do not decode (a mangled link: /requests/status/%E0%A4%A). Next.js
 * decodes a dynamic route's segment before any page runs and answers such a path with a bare 500.
 */
function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function refuseMalformedPath(): NextResponse {
  const body = {
    type: "https://candor.dev/problems/malformed-address",
    title: "Malformed address",
    status: 400,
    detail: "The address has a broken %-escape; check the link was copied whole.",
  };
  return new NextResponse(JSON.stringify(body), {
    status: 400,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const { pathname } = request.nextUrl;
  let response: NextResponse;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (malformedPath(pathname)) {
    response = refuseMalformedPath();
  } else if (request.method === "POST" && request.headers.has("next-action") && !sameOrigin(request.headers.get("origin"), host)) {
    response = refuseCrossSite();
  } else if (
    pathname.startsWith("/admin") &&
    !request.cookies.has("authjs.session-token") &&
    !request.cookies.has("__Secure-authjs.session-token")
  ) {
    const url = new URL("/login", request.url);
    url.searchParams.set("next", pathname);
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    let policy: string | null = null;
    if (!dataPaths.test(pathname)) {
      const nonce = makeNonce();
      policy = pageContentSecurityPolicy({
        nonce,
        https: isHttps(request.nextUrl.protocol, request.headers.get("x-forwarded-proto")),
        dev: process.env.NODE_ENV === "development",
      });
      headers.set("x-nonce", nonce);
      headers.set("Content-Security-Policy", policy);
    }
    response = NextResponse.next({ request: { headers } });
    if (policy) response.headers.set("Content-Security-Policy", policy);
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Not the API: apiRoute gives each API call its id (lib/server/api.ts), and the API is where
// per-request overhead counts (ingest; /api/ping is the bench's no-op limit).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/).*)"] };
