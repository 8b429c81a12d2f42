import { describe, expect, it } from "vitest";
import { summarizeReceipt, verifyReceiptSchema } from "./verify-input";

const receipt = {
  schema: "ISO/IEC TS 27560:2023",
  record_id: "5b1c-…",
  pii_principal_id: "sub_1",
  language: "ko",
  privacy_notice: { url: "https://x/notices/newsletter", version: 3, title: "뉴스레터", language: "ko" },
  purposes: [{ purpose_id: "newsletter", purpose: "뉴스레터", lawful_basis: "consent", channel: "email", sale_or_sharing: false }],
  pii_controllers: [{ party_name: "Northtrail Ltd" }],
  jurisdiction: "KR",
  event: { event_time: "2026-03-01T09:30:00.000Z", event_state: "given", validity_duration: "P365D" },
  gpc: false,
};

describe("the verify form's input", () => {
  it("takes a pasted receipt with line breaks and spaces removed", () => {
    expect(verifyReceiptSchema.parse({ receipt: " eyJh.\n eyJi\r\n.c2ln \n" })).toEqual({ receipt: "eyJh.eyJi.c2ln" });
  });

  it("names what is wrong: nothing pasted, not a JWS (a JSON receipt), too long", () => {
    const code = (receipt: unknown) =>
      verifyReceiptSchema
        .safeParse({ receipt })
        .error?.issues.map((i) => i.message)
        .join(" ");
    expect(code("   ")).toBe("required");
    expect(code(undefined)).toBe("required");
    expect(code('{"schema":"ISO/IEC TS 27560:2023"}')).toBe("receipt-not-jws");
    expect(code("a.b")).toBe("receipt-not-jws");
    expect(code(`${"a".repeat(70_000)}.b.c`)).toBe("receipt-too-long");
  });
});

describe("what a receipt says", () => {
  it("reads purposes, state, time, controller and the notice's language from an ISO/IEC TS 27560-shaped receipt", () => {
    expect(summarizeReceipt(receipt)).toEqual({
      recordId: "5b1c-…",
      subjectId: "sub_1",
      controller: "Northtrail Ltd",
      notice: { title: "뉴스레터", version: 3, url: "https://x/notices/newsletter" },
      purposes: [{ id: "newsletter", title: "뉴스레터", lawfulBasis: "consent", channel: "email" }],
      state: "given",
      at: new Date("2026-03-01T09:30:00.000Z"),
      validity: "P365D",
      jurisdiction: "KR",
      gpc: false,
      language: "ko",
    });
  });

  it("is null for a payload that is not a receipt", () => {
    expect(summarizeReceipt({ hello: "world" })).toBeNull();
    expect(summarizeReceipt("text")).toBeNull();
    expect(summarizeReceipt({ ...receipt, purposes: [] })).toBeNull();
  });
});
