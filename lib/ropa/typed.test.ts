import { describe, expect, it } from "vitest";
import { plain, typed, typedRuns } from "./typed";

describe("the brand's typed text in the record", () => {
  it("splits a string into Candor's words and the typed runs, in order", () => {
    const s = `Standard contractual clauses, ${typed("SCCs 2021/914, module 2")}; ${typed("a second note")}`;
    expect(typedRuns(s)).toEqual([
      { text: "Standard contractual clauses, ", typed: false },
      { text: "SCCs 2021/914, module 2", typed: true },
      { text: "; ", typed: false },
      { text: "a second note", typed: true },
    ]);
  });

  it("leaves a string with no typed text as one run of Candor's words", () => {
    expect(typedRuns("표준계약조항")).toEqual([{ text: "표준계약조항", typed: false }]);
  });

  it("drops the marks for files", () => {
    expect(plain(`a, ${typed("b, c")}`)).toBe("a, b, c");
  });
});
