import type { NextRequest } from "next/server";
import { verifyPreferencesLink } from "@/lib/preferences/link";
import { getSubjectByUid } from "@/db/consent";
import { honourGpcOnArrival } from "@/lib/server/preferences-record";
import { preferencesLinkSecret } from "@/lib/server/preferences-secrets";
import { startPreferencesSession } from "@/lib/server/preferences-session";
import { takeAddress } from "@/lib/server/rate-limits";

export const dynamic = "force-dynamic";

/**
 * A signed link from the brand's own site opens the subject's preference
 * center. The redirect drops the query, so the subject id does not stay in
 * the address bar, history or any later Referer.
 */
export async function GET(request: NextRequest) {
  const limit = takeAddress("preferences-link", request);
  if (!limit.ok)
    return new Response(`Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.`, {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  const q = Object.fromEntries(["sid", "exp", "sig"].map((k) => [k, request.nextUrl.searchParams.get(k) ?? undefined]));
  const verdict = verifyPreferencesLink(q, preferencesLinkSecret(), Date.now());
  const subject = verdict.ok ? await getSubjectByUid(verdict.sid) : undefined;
  let target = "/preferences";
  if (!subject) target += `?link=${!verdict.ok && verdict.reason === "expired" ? "expired" : "invalid"}`;
  else {
    await startPreferencesSession(subject);
    await honourGpcOnArrival(subject);
  }
  // A relative Location keeps the host the browser used, so the cookie just set goes with it.
  return new Response(null, { status: 303, headers: { Location: target, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
