import "server-only";
import { z } from "zod";
import type { ConsentEventInput } from "@/lib/consent/events";
import { batchOutcome, batchTooLarge, singleOutcome, validateBatchEvents, validateEvent } from "@/lib/api/consents";
import { hasGpcSignal } from "@/lib/api/gpc";
import { problem, problemResponse, summarizeErrors, zodFieldErrors } from "@/lib/api/problem";
import { BATCH_BODY_LIMIT, batchEnvelopeSchema, SINGLE_BODY_LIMIT } from "@/lib/api/schemas";
import { shapeWidgetConfig } from "@/lib/widget/config";
import { publishableKeySchema, widgetConfigQuerySchema, widgetConsentsSchema } from "@/lib/widget/schemas";
import { recordConsent } from "@/db/consent";
import { listPublishedNotices } from "@/db/notices";
import { getBrandSettings } from "@/db/staff";
import { apiRoute, authenticateApiKey, gpcSignal, jsonResponse, readJsonBody, requestStages, withStages } from "./api";
import { authorizeWidget, otherKeyKindRefused, selfOrigin, widgetPreflight } from "./widget-auth";

// The endpoints that take consent: the brand's servers (one event, a batch) and the banner (its choices, its
// configuration). Each app/api route exports one of these, and the server's fast lane (lib/server/fast-lane.ts, issue 22)
// calls the very same functions, so both answer alike: same schemas, keys, limits, problem documents, request ids, logs.

/**
 * POST /api/v1/consents — one consent event: 201 stored, 200 idempotent replay, 422 refused. With SERVER_TIMING on,
 * the answer says where its time went (key look-up, rate limit, body, validation, the write, the answer).
 */
export const postConsent = apiRoute(async (request: Request) => {
  const stages = requestStages();
  const caller = await authenticateApiKey(request, "secret", stages);
  if (!caller.ok) return caller.response;
  const body = await readJsonBody(request, SINGLE_BODY_LIMIT);
  stages?.mark("body");
  if (!body.ok) return body.response;
  const event = validateEvent(body.value);
  stages?.mark("validate");
  if (!event.ok) return problemResponse(event.problem);
  const gpc = gpcSignal(request);
  const { results, gpcApplied } = await recordConsent([event.input], { gpc, source: "api" });
  stages?.mark("write");
  const outcome = singleOutcome(results[0], { gpc, gpcOptOuts: gpcApplied });
  const response = outcome.status === 422 ? problemResponse(outcome.problem) : jsonResponse(outcome.body, outcome.status);
  stages?.mark("answer");
  return withStages(response, stages);
});

/**
 * POST /api/v1/consents/batch — up to 1,000 events. Valid events are stored in one ledger
 * call; invalid ones are reported by index. 200 when all were stored or replayed, 207 when
 * some were rejected. Over 1,000 events, nothing is stored.
 */
export const postConsentBatch = apiRoute(async (request: Request) => {
  const caller = await authenticateApiKey(request, "secret");
  if (!caller.ok) return caller.response;
  const body = await readJsonBody(request, BATCH_BODY_LIMIT);
  if (!body.ok) return body.response;
  // Counted before the envelope is validated, so an oversized batch is refused as such.
  const raw = body.value as { events?: unknown } | null;
  const tooLarge = Array.isArray(raw?.events) ? batchTooLarge(raw.events.length) : null;
  if (tooLarge) return problemResponse(tooLarge);
  const envelope = batchEnvelopeSchema.safeParse(body.value);
  if (!envelope.success) {
    const errors = zodFieldErrors(envelope.error as z.ZodError);
    return problemResponse(problem("validation", `Send { "events": [ … ] }. ${summarizeErrors(errors)}`, { errors }));
  }
  const { valid, invalid } = validateBatchEvents(envelope.data.events);
  const gpc = gpcSignal(request);
  const { results, gpcApplied } = valid.length
    ? await recordConsent(
        valid.map((v) => v.input),
        { gpc, source: "api" },
      )
    : { results: [], gpcApplied: 0 };
  const answer = batchOutcome(valid, results, invalid, { gpc, gpcOptOuts: gpcApplied });
  return jsonResponse(answer, answer.rejected > 0 ? 207 : 200);
});

// A banner posts one choice per purpose: a few hundred bytes. Anything far bigger is not the widget.
export const WIDGET_BODY_LIMIT = 16 * 1024;

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The ?key= of a widget request. */
const keyParameter = (request: Request) => new URL(request.url).searchParams.get("key");

/**
 * POST /api/v1/widget/consents?key=pk_… — the banner's choices, recorded in
 * the ledger as source "banner". A page without a customer id sends the
 * widget's anonymous id, kept as the subject's externalId. Answers one result
 * per choice; a refused choice (say, a grant under a GPC signal) is reported,
 * not thrown, and the others are still stored.
 */
export const postWidgetConsents = apiRoute(async (request: Request) => {
  const key = publishableKeySchema.safeParse(keyParameter(request));
  if (!key.success)
    return (
      (await otherKeyKindRefused(keyParameter(request))) ??
      problemResponse(problem("unauthorized", "Give a publishable key (pk_…) as ?key=."))
    );
  const auth = await authorizeWidget(request, key.data);
  if (!auth.ok) return auth.response;
  const { cors } = auth.caller;

  const body = await readJsonBody(request, WIDGET_BODY_LIMIT);
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

/** GET /api/v1/widget/config?key=pk_…&locale=ko — the purposes the banner asks about, in the page's language. */
export const getWidgetConfig = apiRoute(async (request: Request) => {
  const query = widgetConfigQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return (
      (await otherKeyKindRefused(keyParameter(request))) ??
      problemResponse(problem("unauthorized", "Give a publishable key (pk_…) as ?key=."))
    );
  const auth = await authorizeWidget(request, query.data.key);
  if (!auth.ok) return auth.response;
  const config = shapeWidgetConfig({
    brandName: (await getBrandSettings())?.name,
    notices: await listPublishedNotices(query.data.locale),
    locale: query.data.locale,
    origin: selfOrigin(request),
  });
  // A minute of caching: every page view asks, and a newly published notice may wait that long.
  return Response.json(config, { headers: { ...auth.caller.cors, "Cache-Control": "public, max-age=60" } });
});

/** OPTIONS on the widget's endpoints: the CORS preflight, with the same key and origin checks. */
export async function widgetOptions(request: Request): Promise<Response> {
  const key = publishableKeySchema.safeParse(keyParameter(request));
  return widgetPreflight(request, key.success ? key.data : null);
}
