import { describe, expect, it } from "vitest";
import { sendErrorText } from "./send-error";

describe("sendErrorText", () => {
  it("removes the recipient an SMTP server quotes, in any case, and keeps the reason", () => {
    const text = sendErrorText(
      new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <Ana.Kim@Example.org>: Recipient address rejected"),
      "ana.kim@example.org",
    );
    expect(text).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <[redacted]>: Recipient address rejected");
  });

  it("removes other addresses, an address without a dotted domain, and credentials in a URL", () => {
    const text = sendErrorText(
      new Error("connect smtp://mailer:hunter2@mail.local failed for root@localhost (cc bo@example.com)"),
      "root@localhost",
    );
    expect(text).not.toMatch(/hunter2|mailer:|root@localhost|bo@example\.com/);
    expect(text).toBe("connect smtp:[redacted] failed for [redacted] (cc [redacted])");
  });

  it("removes an erased person's local part wherever it stands, but not an ordinary recipient's", () => {
    const error = new Error("mailbox ana.kim is full");
    expect(sendErrorText(error, "ana.kim@example.org", { erased: true })).toBe("mailbox [redacted] is full");
    expect(sendErrorText(error, "ana.kim@example.org")).toBe("mailbox ana.kim is full");
  });

  it("keeps at most 300 characters and says something when the error says nothing", () => {
    expect(sendErrorText(new Error("x".repeat(1_000)), "a@b.c")).toHaveLength(300);
    expect(sendErrorText(new Error(""), "a@b.c")).toBe("send failed");
    expect(sendErrorText({ not: "an error" }, "a@b.c")).toBe("send failed");
  });
});
