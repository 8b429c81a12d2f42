import { describe, expect, it } from "vitest";
import { dueDate } from "./deadlines";
import { limitPlan, limitedPurposes, mayLimit, requestTypesFor, stoppedByLimit } from "./limit";
import { defaultVerification } from "./verification";

const purposes = [
  { key: "precise_location", legalBasis: "consent", sensitiveBeyondPermitted: true },
  { key: "health_insights", legalBasis: "legitimate_interests", sensitiveBeyondPermitted: true },
  { key: "fit_service", legalBasis: "contract", sensitiveBeyondPermitted: true },
  { key: "marketing_messages", legalBasis: "consent", sensitiveBeyondPermitted: false },
  { key: "order_fulfilment", legalBasis: "contract", sensitiveBeyondPermitted: false },
];

describe("which purposes a limit stops", () => {
  it("stops every flagged purpose and none of the others", () => {
    expect(limitedPurposes(purposes).map((p) => p.key)).toEqual(["precise_location", "health_insights", "fit_service"]);
  });

  it("records consent and legitimate-interest purposes in the ledger and stops the others by the standing limit", () => {
    const plan = limitPlan(purposes);
    expect(plan.inLedger.map((p) => p.key)).toEqual(["precise_location", "health_insights"]);
    expect(plan.byLimit.map((p) => p.key)).toEqual(["fit_service"]);
  });

  it("stops nothing when no purpose is flagged", () => {
    expect(limitPlan(purposes.filter((p) => !p.sensitiveBeyondPermitted))).toEqual({ inLedger: [], byLimit: [] });
  });

  it("reads a flagged purpose as stopped only while the person's limit stands", () => {
    expect(stoppedByLimit({ sensitiveBeyondPermitted: true }, true)).toBe(true);
    expect(stoppedByLimit({ sensitiveBeyondPermitted: true }, false)).toBe(false);
    expect(stoppedByLimit({ sensitiveBeyondPermitted: false }, true)).toBe(false);
  });
});

describe("who may limit", () => {
  it("offers the limit to California people only", () => {
    expect(mayLimit("US-CA")).toBe(true);
    expect(mayLimit(" us-ca ")).toBe(true);
    for (const j of ["EU", "KR", "JP", "US-NY", "BR"]) expect(mayLimit(j)).toBe(false);
    expect(requestTypesFor("US-CA")).toContain("limit_sensitive");
    expect(requestTypesFor("EU")).not.toContain("limit_sensitive");
    expect(requestTypesFor("EU")).toContain("opt_out_sale");
  });

  it("needs no identity check by default (§7027(e))", () => {
    expect(defaultVerification.limit_sensitive).toBe("none");
  });
});

describe("a limit request's deadline (§7027(g)(1))", () => {
  const la = "America/Los_Angeles";
  const due = (received: string) =>
    dueDate({ jurisdiction: "US-CA", type: "limit_sensitive", receivedAt: new Date(received), timeZone: la });

  it("is 15 business days from receipt, Saturdays and Sundays skipped", () => {
    // Wednesday 2 June 2027: 3, 4 | 7–11 | 14–18 | 21, 22, 23 → Wednesday 23 June (PDT, UTC−7).
    expect(due("2027-06-02T17:00:00Z").toISOString()).toBe("2027-06-24T06:59:59.999Z");
  });

  it("counts a weekend receipt from the Friday before: it is not a business day", () => {
    expect(due("2027-06-05T17:00:00Z").toISOString()).toBe(due("2027-06-04T17:00:00Z").toISOString());
    expect(due("2027-06-06T17:00:00Z").toISOString()).toBe(due("2027-06-04T17:00:00Z").toISOString());
  });

  it("counts a public holiday as a business day, as every business-day clock does (no holiday calendar is kept)", () => {
    // Received Friday 2 July 2027; Monday 5 July (observed Independence Day) counts: day 15 is Friday 23 July.
    expect(due("2027-07-02T17:00:00Z").toISOString()).toBe("2027-07-24T06:59:59.999Z");
  });

  it("takes the receipt's day on the brand's clock: 23:30 in Los Angeles on a Friday is Saturday in UTC", () => {
    expect(due("2027-06-05T06:30:00Z").toISOString()).toBe(due("2027-06-04T17:00:00Z").toISOString());
  });
});
