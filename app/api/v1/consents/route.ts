import { singleOutcome, validateEvent } from "@/lib/api/consents";
import { problemResponse } from "@/lib/api/problem";
import { SINGLE_BODY_LIMIT } from "@/lib/api/schemas";
import { apiRoute, authenticateApiKey, gpcSignal, jsonResponse, readJsonBody, requestStages, withStages } from "@/lib/server/api";
import { recordConsent } from "@/db/consent";

/**
 * POST /api/v1/consents — one consent event: 201 stored, 200 idempotent replay, 422 refused. With SERVER_TIMING on,
 * the answer says where its time went (key look-up, rate limit, body, validation, the write, the answer).
 */
export const POST = apiRoute(async (request: Request) => {
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
