import { describe, expect, it } from "vitest";
import { ropaCsv, ropaRows } from "./csv";
import { ropaDocument } from "./document";
import { completeMap, wordsIn } from "./fixture";
import { findGaps } from "./gaps";

const en = wordsIn("en");

describe("gaps before export", () => {
  it("finds none in a complete data map", () => {
    expect(findGaps(completeMap())).toEqual([]);
  });

  it("names each missing item with its Art. 30(1) letter and the page that fills it", () => {
    const map = completeMap();
    map.privacy = { ...map.privacy, dpoName: null, securityMeasures: [] };
    map.purposes[1].record = { ...map.purposes[1].record, subjectCategories: [], destructionMethod: null };
    map.purposes[1].recipients[0].transfer = { ...map.purposes[1].recipients[0].transfer, safeguard: null };
    expect(findGaps(map).map((g) => `${g.item}:${g.code}:${g.name ?? ""}:${g.href}`)).toEqual([
      "a:dpo-name::/admin/settings/controller",
      "c:subject-categories:Marketing messages:/admin/purposes/2/record",
      "e:transfer-safeguard:MailHarbor Inc.:/admin/recipients/7/transfer",
      "f:destruction:Marketing messages:/admin/purposes/2/record",
      "g:security::/admin/settings/controller",
    ]);
  });

  it("asks for the rest of a transfer that has only its safeguard", () => {
    const map = completeMap();
    map.purposes[1].recipients[0].transfer = { ...map.purposes[1].recipients[0].transfer, refusal: null };
    expect(findGaps(map).map((g) => g.code)).toEqual(["transfer-details"]);
  });
});

describe("the CSV", () => {
  it("has one row per purpose and data category", () => {
    const rows = ropaRows(completeMap(), en);
    expect(rows.map((r) => `${r.purposeKey}/${r.category}`)).toEqual([
      "order_fulfilment/Contact details",
      "order_fulfilment/Order history",
      "marketing_messages/Contact details",
    ]);
    expect(rows[1].keptByLaw).toContain("(5 years): 1,825 days");
    expect(rows[0].keptByLaw).toBe("None");
    expect(rows[2].transfers).toBe("MailHarbor Inc. (US): Standard contractual clauses");
  });

  it("starts with a byte-order mark, and a cell that would run as a formula is defused", () => {
    const csv = ropaCsv(completeMap(), wordsIn("ko"));
    expect(csv.startsWith("\uFEFF목적 키,")).toBe(true);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe("the document", () => {
  it("fills each of Art. 30(1)(a)-(g) from the data map", () => {
    const doc = ropaDocument(completeMap(), en);
    expect(doc.sections.map((s) => s.item)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    const text = JSON.stringify(doc);
    for (const fact of [
      "Northtrail Outfitters Ltd.",
      "Aisling Byrne",
      "Marketing messages",
      "Customers",
      "MailHarbor Inc.",
      "Standard contractual clauses",
      "730 days",
      "Encryption at rest",
    ])
      expect(text).toContain(fact);
  });
});
