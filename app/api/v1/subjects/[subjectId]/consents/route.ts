import { problem, problemResponse } from "@/lib/api/problem";
import { subjectIdSchema, type SubjectConsents } from "@/lib/api/schemas";
import { apiRoute, authenticateApiKey, jsonResponse } from "@/lib/server/api";
import { getSensitiveLimit, getSubjectByUid, getSubjectConsents } from "@/db/consent";

type Context = { params: Promise<{ subjectId: string }> };

/** GET /api/v1/subjects/{subjectId}/consents — the subject's current state for every active purpose. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const caller = await authenticateApiKey(request, "secret");
  if (!caller.ok) return caller.response;
  const id = subjectIdSchema.safeParse((await params).subjectId);
  const subject = id.success ? await getSubjectByUid(id.data) : undefined;
  if (!subject) return problemResponse(problem("not-found", "No subject has this id. Use the subjectId a consent response returned."));
  const body: SubjectConsents = {
    subjectId: subject.uid,
    externalId: subject.externalId,
    jurisdiction: subject.jurisdiction,
    locale: subject.locale,
    isMinor: subject.isMinor,
    sensitiveLimited: Boolean(await getSensitiveLimit(subject.id)),
    consents: (await getSubjectConsents(subject.id)).map((c) => ({
      purpose: c.purpose,
      name: c.name,
      legalBasis: c.legalBasis,
      saleOrSharing: c.saleOrSharing,
      state: c.state,
      channels: c.grantedChannels,
      decidedAt: c.decidedAt?.toISOString() ?? null,
      expiresAt: c.expiresAt?.toISOString() ?? null,
      stale: c.stale,
      gpc: c.gpc,
      limited: c.limited,
    })),
  };
  return jsonResponse(body);
});
