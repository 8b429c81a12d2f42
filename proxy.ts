import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";

// Gives every request an id (the caller's x-request-id when it is a sane token), passed to
// the route in the request headers and returned in the response, so a log line can be
// matched to the call that caused it. For admin pages it is also a convenience redirect
// for visitors with no session cookie at all; every page, action and route handler still
// checks the session and role itself.
export function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const hasSession =
    request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  let response: NextResponse;
  if (request.nextUrl.pathname.startsWith("/admin") && !hasSession) {
    const url = new URL("/login", request.url);
    url.searchParams.set("next", request.nextUrl.pathname);
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Everything but build assets and /api/ping: the ping is the bench's no-op limit, so it must
// stay free of any work (and a liveness probe needs no id).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/ping).*)"] };
