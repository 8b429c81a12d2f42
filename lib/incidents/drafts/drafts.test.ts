import { describe, expect, it } from "vitest";
import { plain } from "../../ropa/typed";
import { MIN_OFFER_MONTHS } from "./california";
import { draftInput, formatIn, skimmingIncident, wordsIn } from "./fixture";
import { buildDraft, missingItems } from "./index";
import { reportKinds, type Draft, type DraftInput, type ReportKind } from "./types";

const en = wordsIn("en");
const f = formatIn("en", "Asia/Seoul");
const draft = (duty: ReportKind, input: DraftInput = draftInput()) => buildDraft(duty, input, en, f);
const items = (d: Draft) => new Map(d.sections.flatMap((s) => s.items).map((i) => [i.key, i]));
const value = (d: Draft, key: string) => plain(items(d).get(key)?.value ?? "");

/** Each law's items as the law lists them: the draft must carry every one, filled from the incident. */
const lawItems: Record<ReportKind, string[]> = {
  // GDPR Art. 33(3)(a)-(d).
  gdpr_authority: [
    "gdpr.a.nature",
    "gdpr.a.subjectCategories",
    "gdpr.a.subjectCount",
    "gdpr.a.recordCategories",
    "gdpr.a.recordCount",
    "gdpr.b.contact",
    "gdpr.c.consequences",
    "gdpr.d.measures",
  ],
  // PIPA Art. 34(1) items 1-5 and Decree Art. 40: the number of people and whether they were told.
  pipa_authority: [
    "pipa.items",
    "pipa.when",
    "pipa.how",
    "pipa.peopleCanDo",
    "pipa.measures",
    "pipa.remedy",
    "pipa.contact",
    "pipa.count",
    "pipa.peopleNotified",
  ],
  // PPC Rules Art. 8(1)(i)-(ix).
  appi_preliminary: ["appi.1", "appi.2", "appi.3", "appi.4", "appi.5", "appi.6", "appi.7", "appi.8", "appi.9"],
  appi_final: ["appi.1", "appi.2", "appi.3", "appi.4", "appi.5", "appi.6", "appi.7", "appi.8", "appi.9"],
  // Cal. Civ. Code §1798.82(d)(2)(A)-(G).
  ca_attorney_general: [
    "ca.contact",
    "ca.types",
    "ca.breachDate",
    "ca.noticeDate",
    "ca.lawEnforcement",
    "ca.description",
    "ca.creditBureaus",
    "ca.offer",
  ],
};

describe("every authority draft", () => {
  it.each(reportKinds)("%s carries each item its law names, all filled", (duty) => {
    const d = draft(duty);
    const keys = items(d);
    for (const key of lawItems[duty]) {
      expect(keys.has(key), key).toBe(true);
      expect(keys.get(key)?.value, key).not.toBeNull();
    }
    expect(missingItems(d)).toEqual([]);
  });

  it.each(reportKinds)("%s flags each item the incident cannot fill, with where to fill it", (duty) => {
    const incident = { ...skimmingIncident(), containment: null, remedial: null, occurredFrom: null, occurredTo: null };
    const d = draft(duty, draftInput({ incident, affected: {}, brand: null, additions: {}, peopleNotifiedAt: {} }));
    const missing = missingItems(d);
    expect(missing.length).toBeGreaterThan(0);
    for (const m of missing) expect(["incident", "affected", "brand", "report", "notices"]).toContain(m.fillAt);
  });

  it.each(reportKinds)("%s marks a drill in its title", (duty) => {
    const d = draft(duty, draftInput({ incident: { ...skimmingIncident(), drill: true } }));
    expect(d.drill).toBe(true);
    expect(d.title.startsWith("DRILL: ")).toBe(true);
  });

  it.each(["ko", "ja"] as const)("is worded in %s with no catalog key left showing", (locale) => {
    for (const duty of reportKinds) {
      const d = buildDraft(duty, draftInput(), wordsIn(locale), formatIn(locale, "Asia/Seoul"));
      const text = JSON.stringify(d);
      expect(text).not.toMatch(/incidentReports\.|incidents\.|vocabulary\./);
      expect(d.sections.every((s) => s.items.every((i) => i.label && !i.label.includes(".")))).toBe(true);
    }
  });
});

describe("GDPR Art. 33", () => {
  it("fills (a)-(d) from the incident, the affected count and the brand's DPO", () => {
    const d = draft("gdpr_authority");
    expect(d.sections.map((s) => s.key)).toEqual(["general", "a", "b", "c", "d"]);
    expect(value(d, "gdpr.a.nature")).toBe(
      "Checkout page skimmer (Confidentiality) — Skimming of forms (Injected script in the payment widget)",
    );
    expect(value(d, "gdpr.a.subjectCount")).toBe("1,234 people");
    expect(value(d, "gdpr.a.recordCategories")).toBe(
      "Contact details, Payment, Payment data (card or account numbers), Unique identifiers (national id, passport, driver's licence numbers)",
    );
    expect(value(d, "gdpr.a.recordCount")).toBe("about 4,936 records (4 kinds of data per person)");
    expect(value(d, "gdpr.a.subjectCategories")).toContain("Order fulfilment");
    expect(value(d, "gdpr.b.contact")).toBe("Northtrail Outfitters Ltd, Mina Park, dpo@northtrail.example");
    expect(value(d, "gdpr.c.consequences")).toBe("High risk to people: Card numbers usable for fraud");
    expect(value(d, "gdpr.d.measures")).toContain("Script removed and checkout taken offline");
    expect(value(d, "gdpr.d.measures")).toContain("Content security policy enforced on every page");
    expect(value(d, "awareAt")).toBe("March 6, 2026 at 11:30 PM");
  });

  it("asks for the reasons for the delay only when the first report is made after 72 hours", () => {
    const awareAt = skimmingIncident().awareAt;
    const at72h = new Date(awareAt.getTime() + 72 * 3_600_000);
    expect(items(draft("gdpr_authority", draftInput({ now: at72h }))).has("gdpr.delayReasons")).toBe(false);
    const later = draftInput({ now: new Date(at72h.getTime() + 60_000), additions: {} });
    expect(items(draft("gdpr_authority", later)).get("gdpr.delayReasons")?.value).toBeNull();
    const given = draftInput({ now: new Date(at72h.getTime() + 60_000), additions: { delayReasons: "Forensics needed" } });
    expect(value(draft("gdpr_authority", given), "gdpr.delayReasons")).toBe("Forensics needed");
  });

  it("numbers a later phase and names the report it follows (Art. 33(4)), with no delay asked of it", () => {
    const d = draft(
      "gdpr_authority",
      draftInput({
        filings: [{ duty: "gdpr_authority", sentAt: new Date("2026-03-07T02:00:00Z"), channel: "portal" }],
        now: new Date("2026-03-20T00:00:00Z"),
      }),
    );
    expect(d.sequence).toBe(2);
    expect(value(d, "phase")).toContain("report 2");
    expect(value(d, "phase")).toContain("March 7, 2026 at 11:00 AM");
    expect(items(d).has("gdpr.delayReasons")).toBe(false);
  });
});

describe("PIPA Art. 34", () => {
  it("counts Korea's people and says when they were told; falls back to the DPO when no harm desk is given", () => {
    const d = draft("pipa_authority");
    expect(value(d, "pipa.count")).toBe("2,500 people");
    expect(value(d, "pipa.peopleNotified")).toBe("Notified on March 8, 2026 at 10:00 AM.");
    expect(value(d, "pipa.contact")).toBe("Privacy desk, +82 2 555 0100");
    expect(value(d, "pipa.when")).toBe("from February 20, 2026 at 9:00 AM to March 6, 2026 at 6:00 PM");
    const noDesk = draft("pipa_authority", draftInput({ additions: { ...draftInput().additions, harmContact: undefined } }));
    expect(value(noDesk, "pipa.contact")).toContain("dpo@northtrail.example");
  });

  it("is worded in Korean for the PIPC", () => {
    const d = buildDraft("pipa_authority", draftInput(), wordsIn("ko"), formatIn("ko", "Asia/Seoul"));
    expect(d.title).toBe("개인정보 유출등 신고서 (개인정보보호위원회 또는 한국인터넷진흥원) (INC-2026-0007)");
    expect(value(d, "pipa.count")).toBe("2,500명");
  });
});

describe("APPI Rules Art. 8", () => {
  it("lets the preliminary report leave unknown items for later, but not the final one", () => {
    const input = draftInput({ affected: {}, additions: {}, incident: { ...skimmingIncident(), containment: null, remedial: null } });
    const keys = (d: Draft) => missingItems(d).map((m) => m.key);
    expect(keys(draft("appi_preliminary", input))).toEqual([]);
    expect(keys(draft("appi_final", input))).toEqual(["appi.3", "appi.7", "appi.8"]);
  });

  it("fills the cause, the secondary harm and the Japanese people counted", () => {
    const d = draft("appi_final");
    expect(value(d, "appi.3")).toBe("1,500 people");
    expect(value(d, "appi.4")).toBe("Skimming of forms (Injected script in the payment widget)");
    expect(value(d, "appi.5")).toBe("High risk to people: Card numbers usable for fraud");
    expect(value(d, "appi.6")).toBe("Not notified yet.");
    expect(value(d, "appi.9")).toBe("The data was not encrypted. Recipients involved: PayBridge Ltd. Card brands informed");
  });
});

describe("California §1798.82", () => {
  it('is titled "Notice of Data Breach" under the five headings of (d)(1), in order', () => {
    const d = draft("ca_attorney_general");
    expect(d.title).toBe("Notice of Data Breach");
    expect(d.sections.map((s) => s.heading)).toEqual([
      "What Happened",
      "What Information Was Involved",
      "What We Are Doing",
      "What You Can Do",
      "For More Information",
    ]);
  });

  it("gives the breach dates, the notice date, the law-enforcement delay, the bureaus and the offer", () => {
    const d = buildDraft("ca_attorney_general", draftInput(), en, formatIn("en", "America/Los_Angeles"));
    expect(value(d, "ca.breachDate")).toBe("from February 19, 2026 at 4:00 PM to March 6, 2026 at 1:00 AM");
    expect(value(d, "ca.noticeDate")).toBe("March 20, 2026");
    expect(value(d, "ca.lawEnforcement")).toContain("delayed because a law-enforcement agency");
    expect(value(d, "ca.lawEnforcement")).toContain("Police asked us to wait ten days");
    for (const bureau of ["Equifax", "Experian", "TransUnion"]) expect(value(d, "ca.creditBureaus")).toContain(bureau);
    expect(value(d, "ca.offer")).toContain("24 months");
    expect(value(d, "ca.offer")).toContain("ShieldWatch");
    expect(value(d, "ca.contact")).toBe(
      "Northtrail Outfitters Ltd, 1 Harbour Road, Dublin, hello@northtrail.example, https://northtrail.example",
    );
  });

  it(`refuses an offer shorter than ${MIN_OFFER_MONTHS} months when identity numbers were involved`, () => {
    const additions = { ...draftInput().additions, offer: { provider: "ShieldWatch", months: 6, howToEnrol: "x" } };
    expect(missingItems(draft("ca_attorney_general", draftInput({ additions }))).map((m) => m.key)).toEqual(["ca.offer"]);
  });

  it("leaves out the bureaus and the offer when no identity numbers were involved, and says no delay when none was", () => {
    const incident = { ...skimmingIncident(), dataFacts: ["payment_data" as const], delayReason: null, delayNote: null };
    const d = draft("ca_attorney_general", draftInput({ incident, additions: { peopleCanDo: "Watch your statements" } }));
    expect(items(d).has("ca.creditBureaus")).toBe(false);
    expect(items(d).has("ca.offer")).toBe(false);
    expect(value(d, "ca.lawEnforcement")).toBe("Notification was not delayed by a law-enforcement investigation.");
    expect(missingItems(d)).toEqual([]);
  });
});
