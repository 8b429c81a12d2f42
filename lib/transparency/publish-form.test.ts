import { describe, expect, it } from "vitest";
import { z } from "zod";
import { publishReportSchema } from "./publish-form";

const errors = (input: Record<string, string>) => {
  const r = publishReportSchema.safeParse(input);
  return r.success ? null : z.flattenError(r.error).fieldErrors;
};

describe("publishReportSchema", () => {
  it("publishes a first version without a reason, dropping one sent anyway", () => {
    expect(publishReportSchema.parse({ year: "2025", scope: "california", intent: "publish", reason: "x" })).toEqual({
      year: 2025,
      scope: "california",
      reason: null,
    });
  });

  it("requires a reason for a correction, trimmed", () => {
    expect(errors({ year: "2025", scope: "all", intent: "correct", reason: "   " })).toEqual({ reason: ["reason-required"] });
    expect(publishReportSchema.parse({ year: "2025", scope: "all", intent: "correct", reason: " Late rows. " }).reason).toBe("Late rows.");
  });

  it("refuses an unknown scope, a year out of range and a reason over 1,000 characters", () => {
    expect(errors({ year: "2025", scope: "everyone", intent: "publish" })).toEqual({ scope: ["invalid"] });
    expect(errors({ year: "1999", scope: "all", intent: "publish" })).toEqual({ year: ["invalid"] });
    expect(errors({ year: "2025", scope: "all", intent: "correct", reason: "x".repeat(1001) })).toEqual({ reason: ["too_big"] });
  });
});
