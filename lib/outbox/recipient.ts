import { ERASED_ADDRESS } from "./send-error";

export type ShownRecipient = { address: string } | { erased: "erasedAfterSending" | "erasedAfterFailure" };

/** What staff see as a message's recipient: its address, or (once scrubbed) when the erased person's address went. */
export function shownRecipient(m: { toAddress: string; status: string }): ShownRecipient {
  if (m.toAddress !== ERASED_ADDRESS) return { address: m.toAddress };
  return { erased: m.status === "failed" ? "erasedAfterFailure" : "erasedAfterSending" };
}
