import { describe, expect, it } from "vitest";
import { consentEventInputSchema } from "./events";
import { callerConsentSources, consentEventTypes, consentSources, recordableEvents } from "./vocabulary";

const event = (source: string) => ({ subject: { id: "s-1" }, purpose: "newsletter", event: "granted", source });

describe("consent vocabulary", () => {
  it("stores every caller source and one more, system, which only Candor writes", () => {
    expect(consentSources.filter((s) => !(callerConsentSources as readonly string[]).includes(s))).toEqual(["system"]);
    expect(consentEventTypes.filter((e) => !(recordableEvents as readonly string[]).includes(e))).toEqual(["expired"]);
  });

  it("accepts every caller source on the API and refuses system", () => {
    for (const source of callerConsentSources) expect(consentEventInputSchema.safeParse(event(source)).success, source).toBe(true);
    expect(consentEventInputSchema.safeParse(event("system")).success).toBe(false);
  });
});
