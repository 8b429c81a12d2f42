import { z } from "zod";
import { batchOutcome, batchTooLarge, validateBatchEvents } from "@/lib/api/consents";
import { problem, problemResponse, summarizeErrors, zodFieldErrors } from "@/lib/api/problem";
import { BATCH_BODY_LIMIT, batchEnvelopeSchema } from "@/lib/api/schemas";
import { apiRoute, authenticateApiKey, gpcSignal, jsonResponse, readJsonBody } from "@/lib/server/api";
import { recordConsent } from "@/db/consent";

/**
 * POST /api/v1/consents/batch — up to 1,000 events. Valid events are stored in one ledger
 * call; invalid ones are reported by index. 200 when all were stored or replayed, 207 when
 * some were rejected. Over 1,000 events, nothing is stored.
 */
export const POST = apiRoute(async (request: Request) => {
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
