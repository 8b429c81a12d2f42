import { NextResponse, type NextRequest } from "next/server";
import { isHttps, makeNonce, pageContentSecurityPolicy, sameOrigin } from "@/lib/security/headers";

// Runs for pages only (see the matcher): gives each response a fresh CSP nonce,
// which Next.js reads from the request's policy and puts on its own scripts.
// For /admin it also sends visitors with no session cookie at all to sign in:
// a convenience only, since every page, action and route handler checks the
// session and role itself.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // CSRF: a server action posted by a page of another site is refused here, before Next.js parses it.
  if (request.method === "POST" && request.headers.has("next-action") && !sameOrigin(request.headers.get("origin"), request.headers.get("x-forwarded-host") ?? request.headers.get("host")))
    return new NextResponse(JSON.stringify({ type: "https://candor.dev/problems/forbidden", title: "Cross-site request refused", status: 403, detail: "This action can only be sent from Candor's own pages." }), {
      status: 403,
      headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
    });
  if (pathname.startsWith("/admin")) {
    const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
    if (!hasSession) {
      const url = new URL("/login", request.url);
      url.searchParams.set("next", pathname);
      return NextResponse.redirect(url);
    }
  }
  const nonce = makeNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    https: isHttps(request.nextUrl.protocol, request.headers.get("x-forwarded-proto")),
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages, not data: the API, static assets, the widget script and export downloads set their own headers.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|embed/consent\\.js|exports/|\\.well-known/).*)"],
};
