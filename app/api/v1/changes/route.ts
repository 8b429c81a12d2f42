import { encodeFeedCursor, feedQuerySchema, type FeedPageBody } from "@/lib/api/feed-schemas";
import { parameterErrors, problem, problemResponse, summarizeErrors } from "@/lib/api/problem";
import { apiRoute, jsonResponse } from "@/lib/server/api";
import { authenticateRecipient } from "@/lib/server/recipient-auth";
import { readFeed } from "@/db/propagation";

export const dynamic = "force-dynamic";

const badCursor = (detail: string) =>
  problemResponse(
    problem("invalid-parameter", `cursor: ${detail}`, {
      errors: [{ parameter: "cursor", field: "cursor", code: "invalid-cursor", detail }],
    }),
  );

/**
 * GET /api/v1/changes?cursor=&limit= — the calling recipient's changes after the cursor (without one, after where
 * its feed stands), oldest first, with the cursor to pass next; only what still waits on it, never a confirmed
 * change. Reading with a cursor marks everything up to it delivered; until a recipient passes the new cursor it
 * gets the same changes again, under the same ids (at least once).
 */
export const GET = apiRoute(async (request: Request) => {
  const caller = await authenticateRecipient(request);
  if (!caller.ok) return caller.response;
  const { recipientId } = caller.value;
  const query = feedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const errors = parameterErrors(query.error);
    return problemResponse(problem("invalid-parameter", summarizeErrors(errors), { errors }));
  }
  const { cursor, limit } = query.data;
  if (cursor && cursor.recipientId !== recipientId)
    return badCursor("This cursor belongs to another feed: pass the nextCursor this feed returned.");
  const page = await readFeed(recipientId, { cursor: cursor?.deliveryId ?? null, limit });
  if (!page) return badCursor("This cursor is ahead of this feed: pass the nextCursor this feed returned.");
  const body: FeedPageBody = {
    changes: page.entries,
    nextCursor: encodeFeedCursor({ recipientId, deliveryId: page.next }),
    hasMore: page.hasMore,
  };
  return jsonResponse(body);
});
