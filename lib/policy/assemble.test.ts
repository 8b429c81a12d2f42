import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogs } from "../i18n/catalogs";
import { locales, type Locale } from "../i18n/config";
import { assemblePolicy } from "./assemble";
import { checklistItems } from "./checklists";
import { changedJurisdictions, documentText, type Translate } from "./document";
import { demoPolicyInput } from "./fixture";

const translators = Object.fromEntries(
  locales.map((l) => [
    l,
    createTranslator({
      locale: l,
      messages: catalogs[l],
      // A key missing from a catalog is a failed test, not a key printed in a policy.
      onError: (e) => {
        throw e;
      },
    }) as unknown as Translate,
  ]),
) as Record<Locale, Translate>;

describe("assemblePolicy", () => {
  it("gives the demo brand a section for every checklist item of KR, JP, EU and US-CA in en, ko and ja", () => {
    const doc = assemblePolicy(demoPolicyInput(), translators);
    for (const l of locales) {
      expect(doc.parts[l].map((p) => p.jurisdiction)).toEqual(["KR", "JP", "EU", "US-CA"]);
      for (const part of doc.parts[l]) expect(part.sections.map((s) => s.item)).toEqual([...checklistItems[part.jurisdiction]]);
    }
  });

  it("writes the officer, complaint contact, transfers and opt-out links into the text", () => {
    const en = documentText(assemblePolicy(demoPolicyInput(), translators), "en");
    expect(en).toContain("Privacy officer: Min-jun Lee, Privacy Office, privacy-kr@northtrail.example");
    expect(en).toContain("Where to complain: Customer Privacy Desk, privacy-jp@northtrail.example");
    expect(en).toContain("Sentinel Risk Scoring Inc. (United States), under standard contractual clauses");
    expect(en).toContain("Do Not Sell or Share My Personal Information");
    expect(en).toContain("Limit the Use of My Sensitive Personal Information");
    expect(en).toContain("Order fulfilment (required): Identity, Contact details");
    expect(en).toContain("This policy takes effect on 2026-12-07.");
  });

  it("marks what the brand typed as stored text on Korean and Japanese pages, and writes the rest in their language", () => {
    const doc = assemblePolicy(demoPolicyInput(), translators);
    const officer = doc.parts.ko[0].sections.find((s) => s.item === "officer")!;
    expect(officer.blocks[0]).toEqual({
      p: ["개인정보 보호책임자: ", { stored: "Min-jun Lee, Privacy Office, privacy-kr@northtrail.example", lang: "en" }],
    });
    expect(documentText(doc, "ja")).toContain("この方針は2026-12-07から施行します。");
  });

  it("names a purpose by its notice's title in the reader's language where it has one", () => {
    const input = demoPolicyInput();
    input.purposes[0].words.ko = { title: "주문 처리", why: "주문하신 상품을 배송합니다.", benefit: "" };
    const ko = documentText(assemblePolicy(input, translators), "ko");
    expect(ko).toContain("주문 처리: 주문하신 상품을 배송합니다.");
  });

  it("puts a purpose added to the data map into the next draft, in every part it applies to", () => {
    const input = demoPolicyInput();
    const before = assemblePolicy(input, translators);
    input.purposes.push({ ...input.purposes[2], id: 9, key: "trail_club_loyalty", name: "Trail Club loyalty points", recipientIds: [] });
    const after = assemblePolicy(input, translators);
    expect(documentText(before, "en")).not.toContain("Trail Club loyalty points");
    for (const part of after.parts.en) expect(JSON.stringify(part), part.jurisdiction).toContain("Trail Club loyalty points");
    expect(changedJurisdictions(after, before)).toEqual(["KR", "JP", "EU", "US-CA"]);
  });

  it("finds no change between two drafts of the same data map a day apart", () => {
    const input = demoPolicyInput();
    const a = assemblePolicy(input, translators);
    const b = assemblePolicy({ ...input, effectiveDate: "2026-12-08" }, translators);
    expect(changedJurisdictions(b, a)).toEqual([]);
    expect(changedJurisdictions(b, null)).toEqual(["KR", "JP", "EU", "US-CA"]);
  });

  it("says there is no sale and no report link when nothing is sold and no report is published", () => {
    const input = demoPolicyInput();
    input.purposes = input.purposes.filter((p) => !p.saleOrSharing);
    input.links.transparencyReport = null;
    const doc = assemblePolicy(input, translators);
    const ca = doc.parts.en.find((p) => p.jurisdiction === "US-CA")!;
    expect(ca.sections.map((s) => s.item)).not.toContain("report");
    expect(documentText(doc, "en")).toContain("We do not sell or share personal information");
  });
});
