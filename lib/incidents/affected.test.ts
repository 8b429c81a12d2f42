import { describe, expect, it } from "vitest";
import {
  affectedCriteriaSchema,
  classifyState,
  customerIn,
  grantLiveIn,
  selectedPurposes,
  type AffectedCriteria,
  type SelectablePurpose,
} from "./affected";

const at = (iso: string) => Date.parse(iso);
const clock = { now: new Date("2026-06-10T12:00:00Z"), timeZone: "Asia/Seoul" };

describe("affectedCriteriaSchema", () => {
  it("reads the period on the brand's wall clock and ends a running period now", () => {
    const r = affectedCriteriaSchema(clock).parse({ purposeIds: ["3", "3", "5"], jurisdictions: "KR", from: "2026-06-01T09:00" });
    expect(r).toEqual({
      purposeIds: [3, 5],
      categories: [],
      jurisdictions: ["KR"],
      from: at("2026-06-01T00:00:00Z"),
      to: clock.now.getTime(),
    });
  });

  it("refuses a selection with neither a purpose nor a category", () => {
    const r = affectedCriteriaSchema(clock).safeParse({ jurisdictions: ["EU"] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["purposeIds", "purpose-or-category"]]);
  });

  it("refuses a period that ends before it starts, an unknown category and a jurisdiction Candor does not know", () => {
    const r = affectedCriteriaSchema(clock).safeParse({
      categories: ["contact", "shoe_size"],
      jurisdictions: ["XX"],
      from: "2026-06-05T00:00",
      to: "2026-06-04T00:00",
    });
    expect(r.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["categories.1", "jurisdictions.0"]);
    const period = affectedCriteriaSchema(clock).safeParse({ categories: ["contact"], from: "2026-06-05T00:00", to: "2026-06-04T00:00" });
    expect(period.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "ends-before-start"]]);
  });

  it("refuses a time that is not one and caps an end in the future at now", () => {
    expect(affectedCriteriaSchema(clock).safeParse({ categories: ["contact"], from: "2026-02-30T10:00" }).error?.issues[0].message).toBe(
      "invalid-time",
    );
    expect(affectedCriteriaSchema(clock).parse({ categories: ["contact"], to: "2027-01-01T00:00" }).to).toBe(clock.now.getTime());
  });
});

describe("selectedPurposes", () => {
  const p = (id: number, categories: string[], extra: Partial<SelectablePurpose> = {}): SelectablePurpose => ({
    id,
    legalBasis: "consent",
    categories,
    activatedAt: at("2025-01-01T00:00:00Z"),
    retiredAt: null,
    ...extra,
  });
  const all = [
    p(1, ["contact", "payment"]),
    p(2, ["location"]),
    p(3, ["contact"], { retiredAt: at("2026-01-01T00:00:00Z") }),
    p(4, ["contact"], { activatedAt: at("2026-07-01T00:00:00Z") }),
  ];
  const criteria = (c: Partial<AffectedCriteria>): AffectedCriteria => ({
    purposeIds: [],
    categories: [],
    jurisdictions: [],
    from: null,
    to: at("2026-06-01T00:00:00Z"),
    ...c,
  });

  it("takes the purposes holding a category, and narrows named purposes to those holding it", () => {
    expect(selectedPurposes(all, criteria({ categories: ["contact"] })).map((x) => x.id)).toEqual([1, 3]);
    expect(selectedPurposes(all, criteria({ purposeIds: [1, 2], categories: ["location"] })).map((x) => x.id)).toEqual([2]);
  });

  it("leaves out a purpose retired before the period and one that went live after it, and clips a retired one's window", () => {
    const chosen = selectedPurposes(all, criteria({ categories: ["contact"], from: at("2026-02-01T00:00:00Z") }));
    expect(chosen.map((x) => x.id)).toEqual([1]);
    expect(selectedPurposes(all, criteria({ purposeIds: [3] }))[0].window).toEqual({ from: null, to: at("2026-01-01T00:00:00Z") });
  });
});

describe("classifyState", () => {
  const window = { from: at("2026-05-01T00:00:00Z"), to: at("2026-05-10T00:00:00Z") };
  it("takes a grant made before the period's end, and asks the ledger about one made after it", () => {
    expect(classifyState({ state: "granted", decidedAt: at("2026-05-09T00:00:00Z"), expiresAt: null }, window)).toBe("in");
    expect(classifyState({ state: "granted", decidedAt: at("2026-04-01T00:00:00Z"), expiresAt: null }, window)).toBe("in");
    expect(classifyState({ state: "granted", decidedAt: at("2026-05-11T00:00:00Z"), expiresAt: null }, window)).toBe("check");
  });
  it("leaves out a grant that lapsed before the period, and a refusal from before it", () => {
    expect(classifyState({ state: "granted", decidedAt: at("2026-01-01T00:00:00Z"), expiresAt: at("2026-04-30T00:00:00Z") }, window)).toBe(
      "out",
    );
    expect(classifyState({ state: "withdrawn", decidedAt: at("2026-05-01T00:00:00Z"), expiresAt: null }, window)).toBe("out");
  });
  it("asks the ledger about a withdrawal during or after the period, and about any refusal when the period has no start", () => {
    expect(classifyState({ state: "withdrawn", decidedAt: at("2026-05-02T00:00:00Z"), expiresAt: null }, window)).toBe("check");
    expect(classifyState({ state: "denied", decidedAt: at("2020-01-01T00:00:00Z"), expiresAt: null }, { from: null, to: window.to })).toBe(
      "check",
    );
  });
});

describe("grantLiveIn", () => {
  const window = { from: at("2026-05-01T00:00:00Z"), to: at("2026-05-10T00:00:00Z") };
  const e = (event: "granted" | "denied" | "withdrawn" | "expired", iso: string) => ({ event, at: at(iso) });
  it("finds a grant live across the start of the period, withdrawn during it", () => {
    expect(grantLiveIn([e("granted", "2026-03-01T00:00:00Z"), e("withdrawn", "2026-05-01T01:00:00Z")], window)).toBe(true);
  });
  it("finds no grant when it ended before the period, or a grant was only made after it", () => {
    expect(grantLiveIn([e("granted", "2026-03-01T00:00:00Z"), e("withdrawn", "2026-04-30T23:00:00Z")], window)).toBe(false);
    expect(grantLiveIn([e("denied", "2026-03-01T00:00:00Z"), e("granted", "2026-05-10T00:00:01Z")], window)).toBe(false);
  });
  it("finds a grant made during the period, even withdrawn an hour later, and a repeated grant counts from the first", () => {
    expect(grantLiveIn([e("granted", "2026-05-05T00:00:00Z"), e("withdrawn", "2026-05-05T01:00:00Z")], window)).toBe(true);
    expect(grantLiveIn([e("granted", "2026-04-01T00:00:00Z"), e("granted", "2026-06-01T00:00:00Z")], window)).toBe(true);
  });
  it("with no start, any grant before the end counts", () => {
    expect(grantLiveIn([e("granted", "2024-01-01T00:00:00Z"), e("expired", "2024-01-01T00:00:00Z")], { from: null, to: window.to })).toBe(
      true,
    );
  });
});

describe("customerIn", () => {
  it("counts a customer known by the end of the period, never someone who is not one", () => {
    expect(customerIn(at("2026-05-09T00:00:00Z"), { from: null, to: at("2026-05-10T00:00:00Z") })).toBe(true);
    expect(customerIn(at("2026-05-11T00:00:00Z"), { from: null, to: at("2026-05-10T00:00:00Z") })).toBe(false);
    expect(customerIn(null, { from: null, to: at("2026-05-10T00:00:00Z") })).toBe(false);
  });
});
