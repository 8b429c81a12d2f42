import { singleOutcome, validateEvent } from "@/lib/api/consents";
import { problemResponse } from "@/lib/api/problem";
import { SINGLE_BODY_LIMIT } from "@/lib/api/schemas";
import { apiRoute, authenticateApiKey, gpcSignal, jsonResponse, readJsonBody } from "@/lib/server/api";
import { recordConsent } from "@/db/consent";

/** POST /api/v1/consents — one consent event: 201 stored, 200 idempotent replay, 422 refused. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await authenticateApiKey(request, "secret");
  if (!caller.ok) return caller.response;
  const body = await readJsonBody(request, SINGLE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const event = validateEvent(body.value);
  if (!event.ok) return problemResponse(event.problem);
  const gpc = gpcSignal(request);
  const { results, gpcApplied } = await recordConsent([event.input], { gpc, source: "api" });
  const outcome = singleOutcome(results[0], { gpc, gpcOptOuts: gpcApplied });
  return outcome.status === 422 ? problemResponse(outcome.problem) : jsonResponse(outcome.body, outcome.status);
});
