import { describe, expect, it } from "vitest";
import { eventForSwitch, gpcHonoured, gpcRefusals, hasObjected, purposesToWithdraw, type PurposeState } from "./choices";

const p = (over: Partial<PurposeState>): PurposeState => ({
  purpose: "x",
  legalBasis: "consent",
  saleOrSharing: false,
  state: "none",
  stale: false,
  gpc: false,
  ...over,
});

describe("preference choices", () => {
  it("turns a switch on with a grant and off with a withdrawal or, if never given, a refusal", () => {
    expect(eventForSwitch("none", true)).toBe("granted");
    expect(eventForSwitch("expired", true)).toBe("granted");
    expect(eventForSwitch("granted", false)).toBe("withdrawn");
    expect(eventForSwitch("none", false)).toBe("denied");
    expect(eventForSwitch("expired", false)).toBe("denied");
  });

  it("withdraws every consent given, stale ones included, and nothing else", () => {
    const states = [
      p({ purpose: "a", state: "granted" }),
      p({ purpose: "b", state: "granted", stale: true }),
      p({ purpose: "c", state: "denied" }),
      p({ purpose: "d", state: "expired" }),
      p({ purpose: "e", legalBasis: "contract", state: "granted" }),
      p({ purpose: "f", legalBasis: "legitimate_interests", state: "none" }),
    ];
    expect(purposesToWithdraw(states)).toEqual(["a", "b"]);
  });

  it("knows an objection only for legitimate-interest purposes", () => {
    expect(hasObjected(p({ legalBasis: "legitimate_interests", state: "denied" }))).toBe(true);
    expect(hasObjected(p({ legalBasis: "legitimate_interests", state: "none" }))).toBe(false);
    expect(hasObjected(p({ legalBasis: "consent", state: "denied" }))).toBe(false);
  });

  it("says GPC was honoured only when a sale/sharing purpose was refused under the signal", () => {
    expect(gpcHonoured([p({ saleOrSharing: true, gpc: true, state: "withdrawn" })])).toBe(true);
    expect(gpcHonoured([p({ saleOrSharing: true, gpc: false, state: "withdrawn" })])).toBe(false);
    expect(gpcHonoured([p({ saleOrSharing: false, gpc: true, state: "denied" })])).toBe(false);
  });

  it("refuses every sale/sharing purpose not refused yet when GPC is present", () => {
    const states = [
      p({ purpose: "a", saleOrSharing: true, state: "granted" }),
      p({ purpose: "b", saleOrSharing: true, state: "none" }),
      p({ purpose: "c", saleOrSharing: true, state: "denied" }),
      p({ purpose: "d", saleOrSharing: false, state: "granted" }),
      p({ purpose: "e", saleOrSharing: true, state: "expired" }),
    ];
    expect(gpcRefusals(states)).toEqual([
      { purpose: "a", event: "withdrawn" },
      { purpose: "b", event: "denied" },
      { purpose: "e", event: "denied" },
    ]);
  });
});
