import "server-only";
import { z } from "zod";
import { problem, problemResponse, zodFieldErrors } from "@/lib/api/problem";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { affectedCriteriaSchema } from "@/lib/incidents/affected";
import { MAX_LIST_BYTES, parseAffectedList } from "@/lib/incidents/affected-list";
import { getIncident } from "@/db/incidents";
import { getBrandSettings } from "@/db/staff";
import { startAffectedRun, type RunSnapshot } from "@/db/incident-affected";
import { readJsonBody } from "./api";
import type { CurrentUser } from "./session";

/** The largest body a run takes: a list of MAX_LIST_BYTES and the JSON around it. */
export const RUN_BODY_LIMIT = MAX_LIST_BYTES + 64 * 1024;

const runBodySchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("criteria"), criteria: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ source: z.literal("list"), text: z.string().max(MAX_LIST_BYTES) }).strict(),
]);

export const incidentIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The open incident a selection is for; unknown is a 404, closed a 409 (reopen it to change who it affected). */
export async function openIncidentFor(rawId: string) {
  const id = incidentIdSchema.safeParse(rawId);
  const detail = id.success ? await getIncident(id.data) : undefined;
  if (!detail) throw new NotFoundError("incident");
  if (detail.incident.status !== "open") throw new ConflictError("incident-closed");
  return detail.incident;
}

/**
 * Starts a selection from the request's JSON: `{source: "criteria", criteria: {purposeIds, categories,
 * jurisdictions, from, to}}` (the form's fields, times on the brand's wall clock) or `{source: "list", text}`.
 * Invalid criteria and an empty or over-long list are 422 problems naming the field; nothing starts.
 */
export async function startRunFromRequest(request: Request, incidentId: number, user: CurrentUser): Promise<RunSnapshot | Response> {
  const body = await readJsonBody(request, RUN_BODY_LIMIT);
  if (!body.ok) return body.response;
  const parsed = runBodySchema.safeParse(body.value);
  if (!parsed.success)
    return problemResponse(problem("validation", "The selection is not valid.", { errors: zodFieldErrors(parsed.error) }));
  const owner = { id: user.id, email: user.email };
  if (parsed.data.source === "list") {
    const list = parseAffectedList(parsed.data.text);
    const refuse = (code: string, detail: string) =>
      problemResponse(problem("validation", detail, { errors: [{ pointer: "/text", field: "text", code, detail }] }));
    if (list.tooMany) return refuse("too-many", "The list names more than 200,000 people; split it.");
    if (list.entries.length === 0) return refuse("empty", "The list names no one: paste emails or customer ids, one a line.");
    return startAffectedRun({ incidentId, source: "list", list }, owner);
  }
  const brand = await getBrandSettings();
  const criteria = affectedCriteriaSchema({ now: new Date(), timeZone: brand?.timeZone ?? "UTC" }).safeParse(parsed.data.criteria);
  if (!criteria.success)
    return problemResponse(
      problem("validation", "The criteria are not valid.", { errors: zodFieldErrors(criteria.error, { base: ["criteria"] }) }),
    );
  return startAffectedRun({ incidentId, source: "criteria", criteria: criteria.data }, owner);
}
