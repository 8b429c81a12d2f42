import { describe, expect, it } from "vitest";
import {
  consentChangeMayTell,
  consentChangeRecipients,
  consentDeliveries,
  grantSpans,
  linkReached,
  recipientsHolding,
  subjectEventRecipients,
  type ConsentEntry,
  type EligibilityContext,
  type PurposeLink,
} from "./eligibility";

// Recipients: 1 email platform (processor), 2 ad partner (third party), 3 CRM (processor), 4 analytics (controller).
const ctx: EligibilityContext = {
  purposes: [
    { key: "newsletter", legalBasis: "consent", saleOrSharing: false },
    { key: "ads", legalBasis: "consent", saleOrSharing: true },
    { key: "orders", legalBasis: "contract", saleOrSharing: false },
    { key: "analytics", legalBasis: "legitimate_interests", saleOrSharing: true },
  ],
  // Every link here has been in force all along; the link history's own cases are further down.
  links: [
    { purposeKey: "newsletter", recipientId: 1, role: "processor" },
    { purposeKey: "newsletter", recipientId: 3, role: "processor" },
    { purposeKey: "ads", recipientId: 2, role: "third_party" },
    { purposeKey: "ads", recipientId: 1, role: "processor" },
    { purposeKey: "orders", recipientId: 3, role: "processor" },
    { purposeKey: "analytics", recipientId: 4, role: "controller" },
  ].map((l) => ({ ...l, role: l.role as PurposeLink["role"], linkedAt: 0, unlinkedAt: null })),
};
// Entries one tick apart, in the order written.
let clock = 1_000;
const entry = (purposeKey: string, state: ConsentEntry["state"], at = clock++): ConsentEntry => ({ purposeKey, state, at });
const CUSTOMER = 0;
const NOT_CUSTOMER = null;

describe("consentChangeMayTell (asked of every ledger event before the person is read)", () => {
  const change = (purposeKey: string, previousState: "none" | "granted" | "denied" | "withdrawn", newState: ConsentEntry["state"]) => ({
    purposeKey,
    previousState,
    newState,
  });
  it("lets through only a crossing of the line for a consent purpose the data map links to someone", () => {
    expect(consentChangeMayTell(ctx, change("newsletter", "granted", "withdrawn"))).toBe(true);
    expect(consentChangeMayTell(ctx, change("ads", "denied", "granted"))).toBe(true);
    expect(consentChangeMayTell(ctx, change("newsletter", "denied", "withdrawn"))).toBe(false);
    expect(consentChangeMayTell(ctx, change("newsletter", "granted", "granted"))).toBe(false);
    expect(consentChangeMayTell(ctx, change("orders", "granted", "withdrawn"))).toBe(false);
    expect(consentChangeMayTell(ctx, change("unknown", "granted", "withdrawn"))).toBe(false);
    const unlinked = { ...ctx, purposes: [...ctx.purposes, { key: "surveys", legalBasis: "consent" as const, saleOrSharing: false }] };
    expect(consentChangeMayTell(unlinked, change("surveys", "granted", "withdrawn"))).toBe(false);
  });

  it("never refuses a change that has recipients", () => {
    const states = ["none", "granted", "denied", "withdrawn"] as const;
    const person = { history: [entry("newsletter", "granted", 1), entry("ads", "granted", 2)], customerSince: CUSTOMER };
    for (const purposeKey of ["newsletter", "ads", "orders", "analytics"])
      for (const previousState of states)
        for (const newState of ["granted", "denied", "withdrawn"] as const) {
          const facts = change(purposeKey, previousState, newState);
          if (consentChangeRecipients(ctx, person, facts).length > 0) expect(consentChangeMayTell(ctx, facts), purposeKey).toBe(true);
        }
  });
});

describe("consentDeliveries (issue 14 acceptance)", () => {
  it("sends nothing for a person who only ever denied the purpose", () => {
    expect(consentDeliveries(ctx, [entry("newsletter", "denied")], NOT_CUSTOMER)).toEqual([]);
    expect(consentDeliveries(ctx, [entry("newsletter", "denied"), entry("newsletter", "denied")], NOT_CUSTOMER)).toEqual([]);
  });

  it("sends one consent.changed to each of the purpose's recipients when a grant is withdrawn", () => {
    expect(consentDeliveries(ctx, [entry("newsletter", "granted"), entry("newsletter", "withdrawn")], NOT_CUSTOMER)).toEqual([
      { index: 1, recipients: [1, 3] },
    ]);
  });

  it("tells nobody of a first grant: the data only starts to flow with it", () => {
    expect(consentDeliveries(ctx, [entry("ads", "denied"), entry("ads", "granted")], NOT_CUSTOMER)).toEqual([]);
  });

  it("tells the recipients of a new grant after a withdrawal, since they hold the data and were told to stop", () => {
    const ledger = [entry("ads", "granted"), entry("ads", "withdrawn"), entry("ads", "granted")];
    expect(consentDeliveries(ctx, ledger, NOT_CUSTOMER)).toEqual([
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
    expect(consentDeliveries(ctx, ledger, NOT_CUSTOMER)).toEqual([{ index: 2, recipients: [1, 3] }]);
  });

  it("counts an expiry after a grant as a change the recipients must hear of", () => {
    expect(consentDeliveries(ctx, [entry("newsletter", "granted"), entry("newsletter", "expired")], NOT_CUSTOMER)).toEqual([
      { index: 1, recipients: [1, 3] },
    ]);
  });

  it("keeps purposes apart: a grant of one does not make a withdrawal of another reach anyone", () => {
    expect(consentDeliveries(ctx, [entry("ads", "granted"), entry("newsletter", "withdrawn")], NOT_CUSTOMER)).toEqual([]);
  });
});

describe("consentChangeRecipients", () => {
  it("ignores consent events about a purpose on a basis other than consent, and unknown purposes", () => {
    const person = { history: [], customerSince: CUSTOMER };
    expect(consentChangeRecipients(ctx, person, { purposeKey: "orders", previousState: "granted", newState: "withdrawn" })).toEqual([]);
    expect(consentChangeRecipients(ctx, person, { purposeKey: "gone", previousState: "granted", newState: "withdrawn" })).toEqual([]);
  });
});

describe("subjectEventRecipients", () => {
  const neverShared = { history: [entry("ads", "denied"), entry("newsletter", "denied")], customerSince: NOT_CUSTOMER };

  it("sends a GPC opt-out from someone whose data was never shared to nobody", () => {
    expect(subjectEventRecipients(ctx, neverShared, "subject.opted_out")).toEqual([]);
  });

  it("sends an opt-out to the third parties of a sale/sharing purpose the person granted, not to its processors (§7026(f), acceptance line 5)", () => {
    const person = { history: [entry("ads", "granted")], customerSince: NOT_CUSTOMER };
    expect(subjectEventRecipients(ctx, person, "subject.opted_out")).toEqual([2]);
  });

  it("sends a limit to every recipient of the purposes it stops, processors included, and to nobody when it names none (§7027(g))", () => {
    const person = { history: [entry("ads", "granted"), entry("newsletter", "granted")], customerSince: NOT_CUSTOMER };
    expect(subjectEventRecipients(ctx, person, "subject.limited", ["ads"]).sort()).toEqual([1, 2]);
    expect(subjectEventRecipients(ctx, person, "subject.limited")).toEqual([]);
    // A purpose the person never granted gave nobody their data: a limit on it tells no one.
    const neverGranted = { history: [entry("ads", "denied")], customerSince: NOT_CUSTOMER };
    expect(subjectEventRecipients(ctx, neverGranted, "subject.limited", ["ads"])).toEqual([]);
  });

  it("counts a customer's data as shared under a non-consent basis, so an opt-out reaches that purpose's third parties", () => {
    expect(subjectEventRecipients(ctx, { history: [], customerSince: CUSTOMER }, "subject.opted_out")).toEqual([4]);
  });

  it("sends an erasure to every recipient holding the data, each once, processors included", () => {
    const person = {
      history: [entry("newsletter", "granted"), entry("newsletter", "withdrawn"), entry("ads", "granted")],
      customerSince: NOT_CUSTOMER,
    };
    expect(subjectEventRecipients(ctx, person, "subject.erased")).toEqual([1, 2, 3]);
    expect(subjectEventRecipients(ctx, { ...person, customerSince: CUSTOMER }, "subject.rectified")).toEqual([1, 2, 3, 4]);
    expect(subjectEventRecipients(ctx, neverShared, "subject.erased")).toEqual([]);
  });

  it("does not ask a recipient holding data only under a legal obligation to erase it, but tells it of a correction", () => {
    const withTax: EligibilityContext = {
      purposes: [...ctx.purposes, { key: "tax_records", legalBasis: "legal_obligation", saleOrSharing: false }],
      links: [
        ...ctx.links,
        { purposeKey: "tax_records", recipientId: 5, role: "processor", linkedAt: 0, unlinkedAt: null },
        { purposeKey: "tax_records", recipientId: 3, role: "processor", linkedAt: 0, unlinkedAt: null },
      ],
    };
    const customer = { history: [], customerSince: CUSTOMER };
    // 3 also holds the data for orders (a contract), so it is still told; 5 keeps tax records the law requires.
    expect(subjectEventRecipients(withTax, customer, "subject.erased")).toEqual([3, 4]);
    expect(subjectEventRecipients(withTax, customer, "subject.rectified")).toEqual([3, 4, 5]);
  });

  it("sends an objection only to the recipients of the purposes objected to", () => {
    expect(subjectEventRecipients(ctx, { history: [], customerSince: CUSTOMER }, "subject.objected", ["analytics"])).toEqual([4]);
    expect(subjectEventRecipients(ctx, { history: [], customerSince: NOT_CUSTOMER }, "subject.objected", ["analytics"])).toEqual([]);
  });
});

describe("recipientsHolding", () => {
  it("counts a grant that later expired as having reached the recipients", () => {
    const person = { history: [entry("newsletter", "granted"), entry("newsletter", "expired")], customerSince: NOT_CUSTOMER };
    expect(recipientsHolding(ctx, person)).toEqual([1, 3]);
  });

  it("filters by role", () => {
    const person = { history: [entry("ads", "granted")], customerSince: CUSTOMER };
    expect(recipientsHolding(ctx, person, { roles: (r) => r === "processor" })).toEqual([1, 3]);
  });
});

describe("link history: a recipient holds what reached it while both its link and the person's basis were in force", () => {
  const JAN = Date.UTC(2026, 0, 10);
  const FEB = Date.UTC(2026, 1, 10);
  const MAR = Date.UTC(2026, 2, 10);
  const APR = Date.UTC(2026, 3, 10);
  const purposes = ctx.purposes;
  const link = (purposeKey: string, recipientId: number, linkedAt: number, unlinkedAt: number | null = null): PurposeLink => ({
    purposeKey,
    recipientId,
    role: "third_party",
    linkedAt,
    unlinkedAt,
  });

  it("does not tell a vendor linked after the person's grant was withdrawn of their erasure", () => {
    // Granted in January, withdrawn in February; vendor 7 linked to the purpose in March; erased in April.
    const person = { history: [entry("ads", "granted", JAN), entry("ads", "withdrawn", FEB)], customerSince: NOT_CUSTOMER };
    const map = { purposes, links: [link("ads", 2, 0), link("ads", 7, MAR)] };
    expect(subjectEventRecipients(map, person, "subject.erased")).toEqual([2]);
  });

  it("tells a recipient a revision unlinked of a later erasure, if the person's data reached it before", () => {
    const person = { history: [entry("ads", "granted", JAN)], customerSince: NOT_CUSTOMER };
    expect(subjectEventRecipients({ purposes, links: [link("ads", 7, 0, FEB)] }, person, "subject.erased")).toEqual([7]);
    // Unlinked before the grant: the data never went there.
    const later = { history: [entry("ads", "granted", MAR)], customerSince: NOT_CUSTOMER };
    expect(subjectEventRecipients({ purposes, links: [link("ads", 7, 0, FEB)] }, later, "subject.erased")).toEqual([]);
  });

  it("counts a grant given again while the link was open, however many spans there were", () => {
    const history = [entry("ads", "granted", JAN), entry("ads", "withdrawn", FEB), entry("ads", "granted", APR)];
    expect(grantSpans(history, "ads")).toEqual([
      { from: JAN, to: FEB },
      { from: APR, to: null },
    ]);
    expect(linkReached(purposes[1], link("ads", 7, MAR), { history, customerSince: NOT_CUSTOMER })).toBe(true);
    expect(linkReached(purposes[1], link("ads", 7, FEB, MAR), { history, customerSince: NOT_CUSTOMER })).toBe(false);
  });

  it("on another basis, counts the time since the person became a customer", () => {
    const map = { purposes, links: [link("orders", 8, 0, FEB), link("orders", 9, 0)] };
    expect(subjectEventRecipients(map, { history: [], customerSince: JAN }, "subject.erased")).toEqual([8, 9]);
    expect(subjectEventRecipients(map, { history: [], customerSince: MAR }, "subject.erased")).toEqual([9]);
  });

  it("counts a recipient already sent a delivery about the person as a holder, within the event's purposes and roles", () => {
    const told = [
      { recipientId: 11, role: "processor" as const, purposeKey: null },
      { recipientId: 12, role: "third_party" as const, purposeKey: "ads" },
      { recipientId: 13, role: "processor" as const, purposeKey: "ads" },
    ];
    const person = { history: [], customerSince: NOT_CUSTOMER, told };
    const map = { purposes, links: [] };
    expect(subjectEventRecipients(map, person, "subject.erased")).toEqual([11, 12, 13]);
    expect(subjectEventRecipients(map, person, "subject.opted_out")).toEqual([12]);
    expect(subjectEventRecipients(map, person, "subject.objected", ["newsletter"])).toEqual([]);
    expect(consentChangeRecipients(map, person, { purposeKey: "ads", previousState: "granted", newState: "withdrawn" })).toEqual([12, 13]);
  });
});
