import { problem, problemResponse } from "@/lib/api/problem";
import { subjectIdSchema } from "@/lib/api/schemas";
import type { SignedReceipt } from "@/lib/api/receipt-schemas";
import { apiRoute, authenticateApiKey, jsonResponse } from "@/lib/server/api";
import { publicBaseUrl } from "@/lib/server/base-url";
import { issueConsentReceipt } from "@/lib/server/consent-receipts";
import { getSubjectByUid } from "@/db/consent";

type Context = { params: Promise<{ subjectId: string; eventId: string }> };

const notFound = () =>
  problemResponse(
    problem("not-found", "No receipt: the subject has no event with this id. Use the eventId and subjectId a consent response returned."),
  );

/** GET /api/v1/subjects/{subjectId}/receipts/{eventId} — one consent event's receipt and the same receipt signed (compact JWS, ES256). */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const caller = await authenticateApiKey(request, "secret");
  if (!caller.ok) return caller.response;
  const { subjectId, eventId } = await params;
  const id = subjectIdSchema.safeParse(subjectId);
  if (!id.success || !/^[1-9]\d{0,11}$/.test(eventId)) return notFound();
  const subject = await getSubjectByUid(id.data);
  const issued = subject ? await issueConsentReceipt(subject, Number(eventId)) : undefined;
  if (!subject || !issued) return notFound();
  const base = await publicBaseUrl();
  const body: SignedReceipt = {
    eventId: issued.eventId,
    subjectId: subject.uid,
    kid: issued.kid,
    jws: issued.jws,
    receipt: issued.receipt,
    verifyUrl: `${base}/receipts/verify`,
    jwksUrl: `${base}/.well-known/jwks.json`,
  };
  return jsonResponse(body);
});
