import { describe, expect, it } from "vitest";
import { buildConsentReceipt, eventState, nameUuid, type ReceiptInput } from "./receipt";

const input: ReceiptInput = {
  subjectUid: "1e129f7d-efa1-4f6c-b8b9-688423001dbf",
  event: {
    id: 41,
    event: "granted",
    channel: null,
    occurredAt: new Date("2026-11-25T10:00:00Z"),
    locale: "ko",
    jurisdiction: "KR",
    source: "preference_center",
    gpc: false,
    guardianName: null,
  },
  purpose: {
    key: "marketing_messages",
    legalBasis: "consent",
    dataCategories: ["contact", "order_history"],
    sensitive: false,
    saleOrSharing: false,
    retentionDays: 730,
    validityDays: 730,
    recipients: [{ name: "Mailer Co", country: "IE", role: "processor" }],
  },
  notice: { url: "https://trust.example/notices/marketing_messages", version: 3, title: "마케팅 메시지", locale: "ko" },
  controller: {
    legalName: "Northtrail Outfitters Ltd.",
    address: "Dublin 2, Ireland",
    contactEmail: "privacy@northtrail.example",
    dpoEmail: "dpo@northtrail.example",
    websiteUrl: "https://northtrail.example",
  },
  withdrawal: { description: "Turn the switch off in the preference center.", url: "https://trust.example/preferences" },
};

describe("consent receipts", () => {
  it("carries the mandatory ISO/IEC TS 27560 fields for a grant", () => {
    const r = buildConsentReceipt(input);
    expect(r).toMatchObject({
      schema_version: "1.0",
      pii_principal_id: input.subjectUid,
      privacy_notice: { url: input.notice.url, version: 3 },
      language: "ko",
      purposes: [{ purpose_id: "marketing_messages", purpose: "마케팅 메시지", lawful_basis: "consent" }],
      lawful_basis: "consent",
      pii_information: [{ pii_type: "contact" }, { pii_type: "order_history" }],
      pii_controllers: [{ party_name: "Northtrail Outfitters Ltd.", party_address: "Dublin 2, Ireland", party_role: "controller" }],
      jurisdiction: "KR",
      retention_period: "P730D",
      recipient_third_parties: [{ party_name: "Mailer Co", party_address: "IE", party_role: "processor" }],
      withdrawal_method: input.withdrawal,
      collection_method: "preference_center",
      event: {
        event_time: "2026-11-25T10:00:00.000Z",
        event_type: "explicitly_expressed",
        event_state: "given",
        validity_duration: "P730D",
      },
      gpc: false,
    });
    expect(r.record_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r).not.toHaveProperty("guardian");
  });

  it("gives the same record id for the same event and a different one for another", () => {
    expect(buildConsentReceipt(input).record_id).toBe(buildConsentReceipt(input).record_id);
    expect(buildConsentReceipt({ ...input, event: { ...input.event, id: 42 } }).record_id).not.toBe(buildConsentReceipt(input).record_id);
    expect(nameUuid("a")).not.toBe(nameUuid("b"));
  });

  it("records a withdrawal with no validity, the GPC flag and the guardian of a minor", () => {
    const r = buildConsentReceipt({ ...input, event: { ...input.event, event: "withdrawn", gpc: true, guardianName: "Kim Minji" } });
    expect(r.event).toMatchObject({ event_state: "withdrawn", validity_duration: null });
    expect(r.gpc).toBe(true);
    expect(r.guardian).toEqual({ name: "Kim Minji" });
  });

  it("says a grant with no validity limit lasts until withdrawn", () => {
    expect(buildConsentReceipt({ ...input, purpose: { ...input.purpose, validityDays: null } }).event.validity_duration).toBe(
      "until_withdrawn",
    );
  });

  it("calls refusing a legitimate interest an objection", () => {
    expect(eventState("denied", "legitimate_interests")).toBe("objected");
    expect(eventState("denied", "consent")).toBe("refused");
    expect(eventState("expired", "consent")).toBe("expired");
  });
});
