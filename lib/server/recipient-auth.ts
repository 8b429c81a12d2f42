import "server-only";
import { problem, problemResponse } from "@/lib/api/problem";
import { recipientOfKey, type KeyRecipient } from "@/db/propagation";
import { authenticateApiKey, type ApiCaller } from "./api";

/** A recipient calling with its own key: the key, and the recipient and path it belongs to. */
export type RecipientCaller = ApiCaller & KeyRecipient;

/**
 * The recipients' endpoints (the pull feed, confirmations) take a recipient key only (rk_live_…), checked
 * and rate-limited like any key (authenticateApiKey); the key finds its recipient through the path that
 * holds it. A key no path holds any more is refused: it speaks for nobody. So is the key of a feed the brand
 * switched off, for reading and confirming alike (switching off revokes it too; this holds whatever the key's
 * own state).
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
  if (recipient.status !== "active")
    return {
      ok: false,
      response: problemResponse(
        problem(
          "forbidden",
          "The brand has switched this recipient's feed off, so its key neither reads changes nor confirms deliveries. Ask the brand's privacy team.",
        ),
      ),
    };
  return { ok: true, value: { ...caller.value, ...recipient } };
}
