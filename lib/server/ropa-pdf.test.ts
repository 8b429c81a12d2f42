import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { ropaDocument } from "@/lib/ropa/document";
import { completeMap, wordsIn } from "@/lib/ropa/fixture";
import { renderRopaPdf } from "./ropa-pdf";

async function pdfText(locale: "en" | "ko" | "ja"): Promise<{ text: string; pages: number; head: string }> {
  const w = wordsIn(locale);
  const bytes = await renderRopaPdf(ropaDocument(completeMap(), w), {
    locale,
    generated: "2026-12-07",
    pageLabel: (n) => w("recordOfProcessing.page", { n }),
  });
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages, head: bytes.subarray(0, 5).toString("latin1") };
}

// The PDF is made by pdfkit on the server; reading its text back shows each Art. 30(1) item carries the data map's facts.
describe("the record of processing as a PDF", () => {
  it("holds each of Art. 30(1)(a)-(g) filled from the data map", async () => {
    const { text, head, pages } = await pdfText("en");
    expect(head).toBe("%PDF-");
    expect(pages).toBeGreaterThanOrEqual(1);
    const expected: Record<string, string[]> = {
      "(a) Controller, joint controllers, representative and data protection officer": [
        "Northtrail Outfitters Ltd., Dublin 2, Ireland",
        "Aisling Byrne, dpo@northtrail.example",
      ],
      "(b) Purposes of the processing": ["Order fulfilment", "Marketing messages"],
      "(c) Categories of data subjects and of personal data": ["Customers", "Contact details, Order history"],
      "(d) Categories of recipients, including in third countries": ["MailHarbor Inc. (US, Processor)", "Yes, for people in"],
      "(e) Transfers to third countries and their safeguards": [
        "Standard contractual clauses, 2021/914 module 2",
        "Withdraw consent in the preference center",
      ],
      "(f) Time limits for erasure per category of data": ["730 days", "1,825 days"],
      "(g) Technical and organisational security measures": ["Encryption at rest", "Two-step sign-in for staff"],
    };
    const headings = Object.keys(expected);
    headings.forEach((heading, i) => {
      const start = text.indexOf(heading);
      expect(start, heading).toBeGreaterThanOrEqual(0);
      const end = i + 1 < headings.length ? text.indexOf(headings[i + 1]) : text.length;
      const section = text.slice(start, end);
      for (const fact of expected[heading]) expect(section, `${heading}: ${fact}`).toContain(fact);
    });
  });

  it("writes Korean and Japanese text that reads back as written", async () => {
    const ko = await pdfText("ko");
    expect(ko.text).toContain("처리 활동 기록");
    expect(ko.text).toContain("표준계약조항");
    const ja = await pdfText("ja");
    expect(ja.text).toContain("処理活動の記録");
    expect(ja.text).toContain("標準契約条項");
  });
});
