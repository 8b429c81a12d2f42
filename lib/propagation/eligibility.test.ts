import { describe, expect, it } from "vitest";
import {
  consentChangeRecipients,
  consentDeliveries,
  purposeShared,
  recipientsHolding,
  subjectEventRecipients,
  type ConsentEntry,
  type EligibilityContext,
} from "./eligibility";

// Recipients: 1 email platform (processor), 2 ad partner (third party), 3 CRM (processor), 4 analytics (controller).
const ctx: EligibilityContext = {
  purposes: [
    { key: "newsletter", legalBasis: "consent", saleOrSharing: false },
    { key: "ads", legalBasis: "consent", saleOrSharing: true },
    { key: "orders", legalBasis: "contract", saleOrSharing: false },
    { key: "analytics", legalBasis: "legitimate_interests", saleOrSharing: true },
  ],
  links: [
    { purposeKey: "newsletter", recipientId: 1, role: "processor" },
    { purposeKey: "newsletter", recipientId: 3, role: "processor" },
    { purposeKey: "ads", recipientId: 2, role: "third_party" },
    { purposeKey: "ads", recipientId: 1, role: "processor" },
    { purposeKey: "orders", recipientId: 3, role: "processor" },
    { purposeKey: "analytics", recipientId: 4, role: "controller" },
  ],
};
const entry = (purposeKey: string, state: ConsentEntry["state"]): ConsentEntry => ({ purposeKey, state });

describe("consentDeliveries (issue 14 acceptance)", () => {
  it("sends nothing for a person who only ever denied the purpose", () => {
    expect(consentDeliveries(ctx, [entry("newsletter", "denied")], false)).toEqual([]);
    expect(consentDeliveries(ctx, [entry("newsletter", "denied"), entry("newsletter", "denied")], false)).toEqual([]);
  });

  it("sends one consent.changed to each of the purpose's recipients when a grant is withdrawn", () => {
    expect(consentDeliveries(ctx, [entry("newsletter", "granted"), entry("newsletter", "withdrawn")], false)).toEqual([
      { index: 1, recipients: [1, 3] },
    ]);
  });

  it("tells nobody of a first grant: the data only starts to flow with it", () => {
    expect(consentDeliveries(ctx, [entry("ads", "denied"), entry("ads", "granted")], false)).toEqual([]);
  });

  it("tells the recipients of a new grant after a withdrawal, since they hold the data and were told to stop", () => {
    const ledger = [entry("ads", "granted"), entry("ads", "withdrawn"), entry("ads", "granted")];
    expect(consentDeliveries(ctx, ledger, false)).toEqual([
      { index: 1, recipients: [1, 2] },
      { index: 2, recipients: [1, 2] },
    ]);
  });

  it("sends nothing for a change that does not cross between may-process and may-not", () => {
    const ledger = [
      entry("newsletter", "granted"),
      entry("newsletter", "granted"),
      entry("newsletter", "withdrawn"),
      entry("newsletter", "denied"),
    ];
    expect(consentDeliveries(ctx, ledger, false)).toEqual([{ index: 2, recipients: [1, 3] }]);
  });

  it("counts an expiry after a grant as a change the recipients must hear of", () => {
    expect(consentDeliveries(ctx, [entry("newsletter", "granted"), entry("newsletter", "expired")], false)).toEqual([
      { index: 1, recipients: [1, 3] },
    ]);
  });

  it("keeps purposes apart: a grant of one does not make a withdrawal of another reach anyone", () => {
    expect(consentDeliveries(ctx, [entry("ads", "granted"), entry("newsletter", "withdrawn")], false)).toEqual([]);
  });
});

describe("consentChangeRecipients", () => {
  it("ignores consent events about a purpose on a basis other than consent, and unknown purposes", () => {
    const person = { history: [], wasCustomer: true };
    expect(consentChangeRecipients(ctx, person, { purposeKey: "orders", previousState: "granted", newState: "withdrawn" })).toEqual([]);
    expect(consentChangeRecipients(ctx, person, { purposeKey: "gone", previousState: "granted", newState: "withdrawn" })).toEqual([]);
  });
});

describe("subjectEventRecipients", () => {
  const neverShared = { history: [entry("ads", "denied"), entry("newsletter", "denied")], wasCustomer: false };

  it("sends a GPC opt-out from someone whose data was never shared to nobody", () => {
    expect(subjectEventRecipients(ctx, neverShared, "subject.opted_out")).toEqual([]);
  });

  it("sends an opt-out to the third parties of a sale/sharing purpose the person granted, not to its processors (§7026(f), acceptance line 5)", () => {
    const person = { history: [entry("ads", "granted")], wasCustomer: false };
    expect(subjectEventRecipients(ctx, person, "subject.opted_out")).toEqual([2]);
    expect(subjectEventRecipients(ctx, person, "subject.limited")).toEqual([2]);
  });

  it("counts a customer's data as shared under a non-consent basis, so an opt-out reaches that purpose's third parties", () => {
    expect(subjectEventRecipients(ctx, { history: [], wasCustomer: true }, "subject.opted_out")).toEqual([4]);
  });

  it("sends an erasure to every recipient holding the data, each once, processors included", () => {
    const person = {
      history: [entry("newsletter", "granted"), entry("newsletter", "withdrawn"), entry("ads", "granted")],
      wasCustomer: false,
    };
    expect(subjectEventRecipients(ctx, person, "subject.erased")).toEqual([1, 2, 3]);
    expect(subjectEventRecipients(ctx, { ...person, wasCustomer: true }, "subject.rectified")).toEqual([1, 2, 3, 4]);
    expect(subjectEventRecipients(ctx, neverShared, "subject.erased")).toEqual([]);
  });

  it("sends an objection only to the recipients of the purposes objected to", () => {
    expect(subjectEventRecipients(ctx, { history: [], wasCustomer: true }, "subject.objected", ["analytics"])).toEqual([4]);
    expect(subjectEventRecipients(ctx, { history: [], wasCustomer: false }, "subject.objected", ["analytics"])).toEqual([]);
  });
});

describe("purposeShared and recipientsHolding", () => {
  it("counts a grant that later expired as shared", () => {
    expect(
      purposeShared(ctx.purposes[0], { history: [entry("newsletter", "granted"), entry("newsletter", "expired")], wasCustomer: false }),
    ).toBe(true);
  });

  it("filters by role", () => {
    const person = { history: [entry("ads", "granted")], wasCustomer: true };
    expect(recipientsHolding(ctx, person, { roles: (r) => r === "processor" })).toEqual([1, 3]);
  });
});
