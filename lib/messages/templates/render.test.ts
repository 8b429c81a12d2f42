import { describe, expect, it } from "vitest";
import { locales } from "../../i18n/config";
import { subjectMessage } from "../../requests/subject-messages";
import { complaintSentence } from "./complaint";
import { defaultTemplate, placeholdersIn, renderTemplate } from "./render";
import { templateKinds } from "./vocabulary";

const brand = { ref: "REQ-2026-00042", brand: "Northtrail", contact: "privacy@northtrail.example" };

describe("renderTemplate", () => {
  it("joins greeting, body and signature a blank line apart and fills every placeholder", () => {
    const m = renderTemplate(
      { subject: "About {ref}", greeting: "Dear customer,", body: "Why: {reason}", signature: "{brand}\n{contact}" },
      { ref: "REQ-1", reason: "none held", brand: "B", contact: "c@b" },
      "en",
    );
    expect(m).toEqual({ locale: "en", subjectLine: "About REQ-1", body: "Dear customer,\n\nWhy: none held\n\nB\nc@b" });
  });

  it("leaves no run of blank lines where a placeholder is empty or a part is left out", () => {
    const m = renderTemplate({ subject: "S", greeting: "", body: "One\n\n{changes}\n\nTwo", signature: "  " }, { changes: "" }, "en");
    expect(m.body).toBe("One\n\nTwo");
  });

  it("keeps the subject line on one line", () => {
    expect(renderTemplate({ subject: "A\n{ref}", greeting: "", body: "x", signature: "" }, { ref: "R" }, "en").subjectLine).toBe("A R");
  });

  it("finds the placeholders a text names, and nothing in a lone brace", () => {
    expect(placeholdersIn("{a} { b } {c1} {} {ref")).toEqual(["a", "c1"]);
  });

  it("ships a greeting and a signature with the brand's contact for every kind in every language", () => {
    for (const locale of locales)
      for (const kind of templateKinds) {
        const t = defaultTemplate(kind, locale);
        expect(t.greeting.length, `${kind} ${locale}`).toBeGreaterThan(0);
        expect(t.signature, `${kind} ${locale}`).toContain("{contact}");
      }
  });
});

describe("the complaint sentence of each law", () => {
  const contact = "privacy@northtrail.example";
  it("GDPR names the supervisory authority and a judicial remedy (Art. 12(4))", () => {
    const s = complaintSentence("gdpr", "en", contact);
    expect(s).toMatch(/supervisory authority/);
    expect(s).toMatch(/judicial remedy/);
    expect(s).toContain("12(4)");
    expect(complaintSentence("gdpr", "ko", contact)).toContain("감독기관");
    expect(complaintSentence("gdpr", "ja", contact)).toContain("監督機関");
  });
  it("PIPA names the objection procedure and where to write (Art. 38(5))", () => {
    expect(complaintSentence("pipa", "en", contact)).toMatch(/objection procedure.*privacy@northtrail\.example.*38\(5\)/);
    const ko = complaintSentence("pipa", "ko", contact);
    expect(ko).toContain("이의를 제기");
    expect(ko).toContain("제38조제5항");
    expect(ko).toContain(contact);
  });
  it("APPI names the brand's complaint contact", () => {
    expect(complaintSentence("appi", "ja", contact)).toContain(`苦情受付窓口（${contact}）`);
    expect(complaintSentence("appi", "en", contact)).toContain(contact);
  });
  it("the CCPA names the California Privacy Protection Agency and the brand", () => {
    const s = complaintSentence("ccpa", "en", contact);
    expect(s).toContain("California Privacy Protection Agency");
    expect(s).toContain(contact);
  });
  it("an unknown law names the brand, an authority and a court", () => {
    expect(complaintSentence("strictest", "en", contact)).toMatch(/privacy@northtrail\.example.*authority.*court/);
  });
});

describe("subjectMessage", () => {
  it("tells a Korean refusal of a KR request the reason and PIPA's objection route, from the saved wording", () => {
    const saved = { subject: "[{brand}] {ref}", greeting: "고객님께", body: "사유: {reason}\n{complaint}", signature: "{brand} 드림" };
    const m = subjectMessage("request-rejected", "ko", { ...brand, jurisdiction: "KR", reason: "보유 정보 없음" }, saved);
    expect(m.subjectLine).toBe("[Northtrail] REQ-2026-00042");
    expect(m.body.startsWith("고객님께\n\n사유: 보유 정보 없음\n")).toBe(true);
    expect(m.body).toContain(complaintSentence("pipa", "ko", brand.contact));
    expect(m.body.endsWith("Northtrail 드림")).toBe(true);
  });
  it("reads the law from the jurisdiction: EU is GDPR, JP is APPI, anything else the widest", () => {
    const eu = subjectMessage("request-rejected", "en", { ...brand, jurisdiction: "EU", reason: "r" });
    expect(eu.body).toContain(complaintSentence("gdpr", "en", brand.contact));
    const jp = subjectMessage("request-rejected", "ja", { ...brand, jurisdiction: "JP", reason: "r" });
    expect(jp.body).toContain(complaintSentence("appi", "ja", brand.contact));
    const other = subjectMessage("request-rejected", "en", { ...brand, jurisdiction: "BR", reason: "r" });
    expect(other.body).toContain(complaintSentence("strictest", "en", brand.contact));
  });
  it("sends the shipped wording with a greeting and the brand's signature when nothing is saved", () => {
    const m = subjectMessage("request-received", "en", {
      ...brand,
      link: "https://x/requests/status/t",
      due: "2026-04-02",
      received: "2026-03-02",
    });
    expect(m.body).toMatch(/^Hello,\n\n/);
    expect(m.body).toContain("https://x/requests/status/t");
    expect(m.body).toContain("The Northtrail privacy team\nprivacy@northtrail.example");
  });
});
