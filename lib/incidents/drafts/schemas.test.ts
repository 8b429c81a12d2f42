import { describe, expect, it } from "vitest";
import { checkSendable, markReportSentSchema, saveReportFieldsSchema } from "./schemas";
import { draftInput, formatIn, wordsIn } from "./fixture";
import { buildDraft } from "./index";

const clock = { now: new Date("2026-03-07T10:00:00Z"), timeZone: "Asia/Seoul", awareAt: new Date("2026-03-06T14:30:00Z") };

describe("the report fields form", () => {
  it("keeps the filled fields and drops the empty ones", () => {
    expect(saveReportFieldsSchema.parse({ peopleCanDo: "  Replace your card ", remedyProcedure: "" })).toEqual({
      peopleCanDo: "Replace your card",
    });
  });

  it("takes the identity-theft offer whole, for 12 to 120 months", () => {
    const offer = { offerProvider: "ShieldWatch", offerMonths: "24", offerHowToEnrol: "Code NT" };
    expect(saveReportFieldsSchema.parse(offer).offer).toEqual({ provider: "ShieldWatch", months: 24, howToEnrol: "Code NT" });
    const short = saveReportFieldsSchema.safeParse({ ...offer, offerMonths: "11" });
    expect(short.success ? [] : short.error.issues.map((i) => `${String(i.path[0])}:${i.message}`)).toEqual(["offerMonths:offer-months"]);
    const partial = saveReportFieldsSchema.safeParse({ offerProvider: "ShieldWatch" });
    expect(partial.success ? [] : partial.error.issues.map((i) => String(i.path[0]))).toEqual(["offerMonths", "offerHowToEnrol"]);
  });
});

describe("marking a report sent", () => {
  const form = { duty: "gdpr_authority", sentAt: "2026-03-07T18:00", channel: "portal", locale: "en" };
  it("reads the time on the brand's wall clock", () => {
    expect(markReportSentSchema(clock).parse(form).sentAt.toISOString()).toBe("2026-03-07T09:00:00.000Z");
  });

  it.each([
    ["a time in the future", { sentAt: "2026-03-07T20:00" }, "sentAt:future"],
    ["a time before awareness", { sentAt: "2026-03-06T23:00" }, "sentAt:before-awareness"],
    ["no time", { sentAt: "" }, "sentAt:required"],
    ["an unknown channel", { channel: "fax" }, "channel:required"],
    ["a report that is not an authority's", { duty: "gdpr_people" }, "duty:invalid"],
  ])("refuses %s", (_, change, issue) => {
    const r = markReportSentSchema(clock).safeParse({ ...form, ...change });
    expect(r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`)).toEqual([issue]);
  });

  it("lets a GDPR report go in phases with items missing, but not California's notice", () => {
    const input = draftInput({ additions: {} });
    const en = wordsIn("en");
    const f = formatIn("en", "UTC");
    expect(checkSendable(buildDraft("gdpr_authority", input, en, f), ["x"]).ok).toBe(true);
    expect(checkSendable(buildDraft("ca_attorney_general", input, en, f), ["What You Can Do"])).toEqual({
      ok: false,
      missing: ["What You Can Do"],
    });
    expect(checkSendable(buildDraft("appi_final", input, en, f), []).ok).toBe(true);
  });
});
