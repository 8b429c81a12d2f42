import { describe, expect, it } from "vitest";
import { draftInput, formatIn, skimmingIncident, wordsIn } from "./fixture";
import { draftHtml } from "./html";
import { buildDraft } from "./index";

const options = { lang: "en", generated: "Drafted today", missing: "Missing" };

describe("a draft as an HTML file", () => {
  it("holds the title, the provision and every item, the brand's own text marked as written", () => {
    const draft = buildDraft("ca_attorney_general", draftInput(), wordsIn("en"), formatIn("en", "America/Los_Angeles"));
    const html = draftHtml(draft, options);
    expect(html).toContain("<title>Notice of Data Breach</title>");
    expect(html).toContain("<h1>Notice of Data Breach</h1>");
    for (const heading of [
      "What Happened",
      "What Information Was Involved",
      "What We Are Doing",
      "What You Can Do",
      "For More Information",
    ])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<span translate="no">Checkout page skimmer</span>');
    expect(html).not.toMatch(/<script/i);
  });

  it("escapes what the officer typed, and names a missing item", () => {
    const incident = { ...skimmingIncident(), title: '<img src=x onerror="alert(1)">', containment: null, remedial: null };
    const html = draftHtml(buildDraft("gdpr_authority", draftInput({ incident }), wordsIn("en"), formatIn("en", "UTC")), options);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain('<dd class="missing">Missing</dd>');
  });

  it("shows a drill's banner", () => {
    const draft = buildDraft(
      "gdpr_authority",
      draftInput({ incident: { ...skimmingIncident(), drill: true } }),
      wordsIn("en"),
      formatIn("en", "UTC"),
    );
    expect(draftHtml(draft, { ...options, drill: "DRILL: nothing is filed" })).toContain('<p class="drill">DRILL: nothing is filed</p>');
  });
});
