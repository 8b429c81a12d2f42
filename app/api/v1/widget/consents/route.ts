import type { ConsentEventInput } from "@/lib/consent/events";
import { hasGpcSignal } from "@/lib/api/gpc";
import { problem, problemResponse, summarizeErrors, zodFieldErrors } from "@/lib/api/problem";
import { publishableKeySchema, widgetConsentsSchema } from "@/lib/widget/schemas";
import { apiRoute, readJsonBody } from "@/lib/server/api";
import { authorizeWidget, otherKeyKindRefused, widgetPreflight } from "@/lib/server/widget-auth";
import { recordConsent } from "@/db/consent";

export const dynamic = "force-dynamic";

// A banner posts one choice per purpose: a few hundred bytes. Anything far bigger is not the widget.
const BODY_LIMIT = 16 * 1024;

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * POST /api/v1/widget/consents?key=pk_… — the banner's choices, recorded in
 * the ledger as source "banner". A page without a customer id sends the
 * widget's anonymous id, kept as the subject's externalId. Answers one result
 * per choice; a refused choice (say, a grant under a GPC signal) is reported,
 * not thrown, and the others are still stored.
 */
export const POST = apiRoute(async (request: Request) => {
  const key = publishableKeySchema.safeParse(new URL(request.url).searchParams.get("key"));
  if (!key.success)
    return (
      (await otherKeyKindRefused(new URL(request.url).searchParams.get("key"))) ??
      problemResponse(problem("unauthorized", "Give a publishable key (pk_…) as ?key=."))
    );
  const auth = await authorizeWidget(request, key.data);
  if (!auth.ok) return auth.response;
  const { cors } = auth.caller;

  const body = await readJsonBody(request, BODY_LIMIT);
  if (!body.ok) return withHeaders(body.response, cors);
  const parsed = widgetConsentsSchema.safeParse(body.value);
  if (!parsed.success) {
    const errors = zodFieldErrors(parsed.error);
    return problemResponse(problem("validation", summarizeErrors(errors), { errors }), cors);
  }

  const { subject, jurisdiction, locale, choices } = parsed.data;
  const externalId = (subject.externalId ?? subject.anonymousId)!;
  const inputs: ConsentEventInput[] = choices.map((c) => ({
    subject: { externalId, jurisdiction, locale },
    purpose: c.purpose,
    event: c.event,
    source: "banner",
    locale,
    jurisdiction,
    noticeVersion: c.version,
  }));
  const now = Date.now();
  const gpc = hasGpcSignal(request.headers.get("sec-gpc"));
  const { results } = await recordConsent(inputs, { gpc, source: "banner", now });
  return Response.json(
    {
      decidedAt: now,
      gpc,
      results: results.map((r) =>
        r.status === "rejected"
          ? { purpose: choices[r.index].purpose, status: r.status, code: r.code, detail: r.detail }
          : { purpose: r.purpose, status: r.status, state: r.state },
      ),
    },
    { headers: { ...cors, "Cache-Control": "no-store" } },
  );
});

export async function OPTIONS(request: Request): Promise<Response> {
  const key = publishableKeySchema.safeParse(new URL(request.url).searchParams.get("key"));
  return widgetPreflight(request, key.success ? key.data : null);
}
