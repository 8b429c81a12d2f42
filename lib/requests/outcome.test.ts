import { describe, expect, it } from "vitest";
import {
  completeOutcomeSchema,
  completeWithOutcomeSchema,
  denyOutcomeSchema,
  denyWithOutcomeSchema,
  isComplied,
  outcomeProblem,
} from "./outcome";
import { denialText, withheldSentence } from "./outcome-text";
import { z } from "zod";

const errors = (r: { success: boolean; error?: z.ZodError }) => (r.success ? {} : z.flattenError(r.error!).fieldErrors);

describe("completeOutcomeSchema", () => {
  it("takes a compliance in whole with no reason, dropping any reason a stale form sent", () => {
    expect(completeOutcomeSchema.parse({ outcome: "complied", denialReason: "exempt", note: "" })).toEqual({
      outcome: "complied",
      denialReason: null,
      note: null,
    });
  });

  it("takes a compliance in part with the withheld part's reason and a note", () => {
    expect(
      completeOutcomeSchema.parse({ outcome: "complied_in_part", denialReason: "exempt", note: " Trade secrets withheld (§1798.100(f)) " }),
    ).toEqual({
      outcome: "complied_in_part",
      denialReason: "exempt",
      note: "Trade secrets withheld (§1798.100(f))",
    });
  });

  it("refuses a compliance in part without a reason or without saying what was withheld", () => {
    expect(errors(completeOutcomeSchema.safeParse({ outcome: "complied_in_part", note: "Kept invoices" }))).toEqual({
      denialReason: ["denial-reason-required"],
    });
    expect(errors(completeOutcomeSchema.safeParse({ outcome: "complied_in_part", denialReason: "not_verifiable", note: " " }))).toEqual({
      note: ["withheld-note-required"],
    });
  });

  it("refuses a missing or unknown outcome, and a denial on the complete form", () => {
    expect(errors(completeOutcomeSchema.safeParse({}))).toEqual({ outcome: ["outcome-required"] });
    expect(completeOutcomeSchema.safeParse({ outcome: "denied", denialReason: "other", note: "No" }).success).toBe(false);
    expect(completeOutcomeSchema.safeParse({ outcome: "partly" }).success).toBe(false);
  });

  it("needs the request id and the confirm box on the request page's form", () => {
    expect(errors(completeWithOutcomeSchema.safeParse({ requestId: "4", outcome: "complied" }))).toEqual({ confirm: ["confirm-required"] });
    expect(completeWithOutcomeSchema.parse({ requestId: "4", confirm: "yes", outcome: "complied" })).toMatchObject({
      requestId: 4,
      outcome: "complied",
    });
  });
});

describe("denyOutcomeSchema", () => {
  it("takes not verifiable and not a consumer without a note", () => {
    expect(denyOutcomeSchema.parse({ denialReason: "not_verifiable" })).toEqual({
      outcome: "denied",
      denialReason: "not_verifiable",
      note: null,
    });
    expect(denyOutcomeSchema.parse({ denialReason: "not_a_consumer", note: "" })).toEqual({
      outcome: "denied",
      denialReason: "not_a_consumer",
      note: null,
    });
  });

  it("needs the exemption named and another reason stated", () => {
    expect(errors(denyOutcomeSchema.safeParse({ denialReason: "exempt" }))).toEqual({ note: ["note-required-exempt"] });
    expect(errors(denyOutcomeSchema.safeParse({ denialReason: "other", note: "no" }))).toEqual({ note: ["note-required-other"] });
    expect(denyOutcomeSchema.parse({ denialReason: "exempt", note: "Civ. Code §1798.145(a)(1)(C): legal claims" }).note).toBe(
      "Civ. Code §1798.145(a)(1)(C): legal claims",
    );
  });

  it("refuses an unknown reason code and a note past 2,000 characters", () => {
    expect(errors(denyWithOutcomeSchema.safeParse({ requestId: 1, denialReason: "duplicate" }))).toEqual({
      denialReason: ["denial-reason-required"],
    });
    expect(errors(denyOutcomeSchema.safeParse({ denialReason: "other", note: "x".repeat(2001) }))).toEqual({ note: ["too-long"] });
  });
});

describe("outcomeProblem", () => {
  it("finds the same faults the forms do, for callers that build an outcome themselves", () => {
    expect(outcomeProblem({ outcome: "complied", denialReason: null, note: null })).toBeNull();
    expect(outcomeProblem({ outcome: "denied", denialReason: "other", note: null })).toBe("note-required-other");
    expect(outcomeProblem({ outcome: "denied", denialReason: "exempt", note: "ok" })).toBe("note-required-exempt");
    expect(outcomeProblem({ outcome: "complied_in_part", denialReason: "not_a_consumer", note: null } as never)).toBe(
      "withheld-note-required",
    );
    expect(outcomeProblem({ outcome: "denied", denialReason: "nope" as never, note: "Some note" })).toBe("denial-reason-required");
    expect(outcomeProblem({ outcome: "denied", denialReason: "not_verifiable", note: null })).toBeNull();
  });

  it("counts a compliance in part as complied with, as §7102 does", () => {
    expect([isComplied("complied"), isComplied("complied_in_part"), isComplied("denied"), isComplied(null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("what the person is told", () => {
  const base = { outcome: "denied" as const, rejectionReason: null };
  it("names the reason in their language, the officer's note after it as written", () => {
    expect(denialText({ ...base, denialReason: "exempt", outcomeNote: "Civ. Code §1798.145(a)(1)(C)" }, "ja")).toBe(
      "法律により、この情報はご請求の対象外です: Civ. Code §1798.145(a)(1)(C)",
    );
    expect(denialText({ ...base, denialReason: "not_verifiable", outcomeNote: null }, "ko")).toBe("본인 확인을 할 수 없었습니다");
    expect(denialText({ ...base, denialReason: "not_a_consumer", outcomeNote: null }, "fr")).toMatch(/^The law that gives this right/);
  });

  it("gives another reason as the officer stated it, and Candor's own reason in the reader's language", () => {
    expect(denialText({ ...base, denialReason: "other", outcomeNote: "We hold no account under this name" }, "en")).toBe(
      "We hold no account under this name",
    );
    expect(
      denialText({ ...base, denialReason: "not_verifiable", outcomeNote: null, rejectionReason: "system:identity-not-verified" }, "ko"),
    ).toBe("기한 안에 본인 확인이 되지 않아 요청을 처리하지 않고 종료했습니다.");
  });

  it("falls back to the stored reason of a request closed before outcomes, and adds a withheld sentence only for a part", () => {
    expect(denialText({ outcome: null, denialReason: null, outcomeNote: null, rejectionReason: "Old reason" }, "en")).toBe("Old reason");
    const part = {
      outcome: "complied_in_part" as const,
      denialReason: "exempt" as const,
      outcomeNote: "invoices kept for tax law",
      rejectionReason: null,
    };
    expect(withheldSentence(part, "en")).toBe(
      "Part of your request was not carried out. The law exempts this information from the request: invoices kept for tax law.",
    );
    expect(withheldSentence({ ...part, outcome: "complied" }, "en")).toBe("");
  });
});
