import { describe, expect, it } from "vitest";
import { roles } from "./roles";
import { mustEnrolTwoFactor } from "./two-factor-policy";

describe("who the brand's two-step rule sends to set it up", () => {
  it("only privacy officers and administrators without it, and only when the brand requires it", () => {
    const sent = roles.filter((r) => mustEnrolTwoFactor(r, true, false));
    expect(sent).toEqual(["privacy_officer", "admin"]);
    for (const r of roles) {
      expect(mustEnrolTwoFactor(r, false, false)).toBe(false);
      expect(mustEnrolTwoFactor(r, true, true)).toBe(false);
    }
  });
});
