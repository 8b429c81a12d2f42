import { describe, expect, it } from "vitest";
import { shownRecipient } from "./recipient";
import { ERASED_ADDRESS } from "./send-error";

describe("shownRecipient", () => {
  it("shows a live address as it is", () => {
    expect(shownRecipient({ toAddress: "ana@example.com", status: "pending" })).toEqual({ address: "ana@example.com" });
  });
  it("says a scrubbed address went after sending, or after the last failed attempt", () => {
    expect(shownRecipient({ toAddress: ERASED_ADDRESS, status: "sent" })).toEqual({ erased: "erasedAfterSending" });
    expect(shownRecipient({ toAddress: ERASED_ADDRESS, status: "failed" })).toEqual({ erased: "erasedAfterFailure" });
  });
});
