import { describe, expect, it } from "vitest";
import { visitorJurisdiction } from "./visitor";

const all = ["KR", "JP", "EU", "US-CA"] as const;

describe("visitorJurisdiction", () => {
  it("shows the part the visitor chose, when the policy has it", () => {
    expect(visitorJurisdiction(all, "US-CA", "ko", "ko-KR")).toBe("US-CA");
    expect(visitorJurisdiction(["KR", "EU"], "JP", "ja", "en-IE")).toBe("EU");
  });

  it("guesses from the language and the browser's first region", () => {
    expect(visitorJurisdiction(all, undefined, "ko", null)).toBe("KR");
    expect(visitorJurisdiction(all, undefined, "ja", "ja")).toBe("JP");
    expect(visitorJurisdiction(all, undefined, "en", "en-US,en;q=0.8")).toBe("US-CA");
    expect(visitorJurisdiction(all, undefined, "en", "de-DE")).toBe("EU");
    expect(visitorJurisdiction(all, "nowhere", "en", "en-GB")).toBe("EU");
  });

  it("falls back to the first part, or none when nothing is published", () => {
    expect(visitorJurisdiction(all, undefined, "en", "en")).toBe("KR");
    expect(visitorJurisdiction([], undefined, "en", "en-US")).toBeNull();
  });
});
