import { problem, problemResponse } from "@/lib/api/problem";
import { requestRefSchema, requestStatusBody } from "@/lib/api/request-schemas";
import { apiRoute, authenticateApiKey, jsonResponse } from "@/lib/server/api";
import { getRequestByRef } from "@/db/requests";

type Context = { params: Promise<{ ref: string }> };

/** GET /api/v1/requests/{ref} — where a request stands and when it is due. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const caller = await authenticateApiKey(request, "secret");
  if (!caller.ok) return caller.response;
  const ref = requestRefSchema.safeParse((await params).ref);
  const found = ref.success ? await getRequestByRef(ref.data) : undefined;
  if (!found)
    return problemResponse(problem("not-found", "No request has this reference. Use the ref that POST /api/v1/requests returned."));
  return jsonResponse(requestStatusBody(found.request, found.subjectUid));
});
