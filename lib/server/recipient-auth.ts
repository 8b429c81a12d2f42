import "server-only";
import { problem, problemResponse } from "@/lib/api/problem";
import { recipientOfKey, type KeyRecipient } from "@/db/propagation";
import { authenticateApiKey, type ApiCaller } from "./api";

/** A recipient calling with its own key: the key, and the recipient and path it belongs to. */
export type RecipientCaller = ApiCaller & KeyRecipient;

/**
 * The recipients' endpoints (the pull feed, confirmations) take a recipient key only (rk_live_…), checked
 * and rate-limited like any key (authenticateApiKey); the key finds its recipient through the path that
 * holds it. A key no path holds any more is refused: it speaks for nobody.
 */
export async function authenticateRecipient(
  request: Request,
): Promise<{ ok: true; value: RecipientCaller } | { ok: false; response: Response }> {
  const caller = await authenticateApiKey(request, "recipient");
  if (!caller.ok) return caller;
  const recipient = await recipientOfKey(caller.value.id);
  if (!recipient)
    return {
      ok: false,
      response: problemResponse(
        problem("forbidden", "This recipient key belongs to no recipient's feed any more. Ask the brand for a new one."),
      ),
    };
  return { ok: true, value: { ...caller.value, ...recipient } };
}
