import { requestTypesFor } from "@/lib/requests/limit";
import { publicBaseUrl } from "@/lib/server/base-url";
import { problem, problemResponse, zodFieldErrors, summarizeErrors } from "@/lib/api/problem";
import { REQUEST_BODY_LIMIT, requestInputSchema, requestStatusBody } from "@/lib/api/request-schemas";
import { apiRoute, authenticateApiKey, jsonResponse, readJsonBody } from "@/lib/server/api";
import { authSecret } from "@/lib/server/secret";
import { requestStatusLinker } from "@/lib/server/request-status";
import { createRequest, resolveRequestSubject } from "@/db/requests";

const refused = (field: string, code: string, detail: string) =>
  problemResponse(
    problem("validation", `${field}: ${detail}`, { errors: [{ pointer: `/${field.replace(".", "/")}`, field, code, detail }] }),
  );

/**
 * POST /api/v1/requests — a subject request filed by the brand's site or support tool.
 * 201 with the request's state; the subject is sent a code when their identity must be checked.
 * Identities of two different people throw SubjectConflictError inside the intake transaction, so
 * nothing is written, and apiRoute answers 422 subject-conflict naming each field.
 */
export const POST = apiRoute(async (request: Request) => {
  const caller = await authenticateApiKey(request, "secret");
  if (!caller.ok) return caller.response;
  const body = await readJsonBody(request, REQUEST_BODY_LIMIT);
  if (!body.ok) return body.response;
  const parsed = requestInputSchema.safeParse(body.value);
  if (!parsed.success) {
    const errors = zodFieldErrors(parsed.error);
    return problemResponse(problem("validation", summarizeErrors(errors), { errors }));
  }
  const input = parsed.data;
  const subject = await resolveRequestSubject(input.subject);
  if (input.subject.id && subject?.uid !== input.subject.id)
    return refused("subject.id", "unknown-subject", "No subject has this id. Use the subjectId a consent response returned.");
  if (!subject && !input.subject.email)
    return refused("subject.email", "contact-required", "Nobody matches; give the person's email so Candor can verify them and reply.");
  const jurisdiction = input.jurisdiction ?? subject?.jurisdiction;
  if (!jurisdiction)
    return refused("jurisdiction", "required", "Candor does not know this person: say whose law applies (EU, UK, US-CA, KR or JP).");
  if (!requestTypesFor(jurisdiction).includes(input.type))
    return refused(
      "type",
      "not-offered",
      "The right to limit the use of sensitive personal information is California's (CCPA §7027): jurisdiction US-CA only.",
    );
  const { request: created, duplicateOf } = await createRequest(
    {
      type: input.type,
      jurisdiction,
      intake: "api",
      subjectId: subject?.id,
      email: input.subject.email,
      externalId: input.subject.externalId,
      details: input.details,
    },
    { id: null, email: `api key ${caller.value.prefix}` },
    {
      proof: input.identityVerified ? "brand-login" : "none",
      sendCode: true,
      codeKey: authSecret(),
      statusLink: await requestStatusLinker(),
      staffLinks: { baseUrl: await publicBaseUrl() },
    },
  );
  const res = jsonResponse({ ...requestStatusBody(created, subject?.uid ?? null), duplicateOf }, 201);
  res.headers.set("Location", `/api/v1/requests/${created.ref}`);
  return res;
});
