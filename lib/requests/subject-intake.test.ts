import { describe, expect, it } from "vitest";
import { subjectRequestCodeSchema, subjectRequestSchema, subjectStatus } from "./subject-intake";

describe("a subject's own request", () => {
  it("needs a known type, and for a correction what to correct", () => {
    expect(subjectRequestSchema.safeParse({ type: "access" }).success).toBe(true);
    expect(subjectRequestSchema.safeParse({ type: "everything" }).success).toBe(false);
    const r = subjectRequestSchema.safeParse({ type: "rectification", details: " " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["details"], message: "say-what-to-correct" });
    expect(subjectRequestSchema.safeParse({ type: "rectification", details: "My surname is Kim, not Kin." }).success).toBe(true);
    expect(subjectRequestSchema.safeParse({ type: "access", details: "x".repeat(4001) }).success).toBe(false);
  });

  it("reads a code with spaces, and only six digits", () => {
    expect(subjectRequestCodeSchema.parse({ requestId: "4", code: "123 456" })).toEqual({ requestId: 4, code: "123456" });
    expect(subjectRequestCodeSchema.safeParse({ requestId: "4", code: "12345" }).success).toBe(false);
    expect(subjectRequestCodeSchema.safeParse({ requestId: "x", code: "123456" }).success).toBe(false);
  });

  it("tells the subject where the request stands in plain terms", () => {
    expect(subjectStatus("verifying", "code")).toBe("waiting-for-code");
    expect(subjectStatus("received", "code")).toBe("received");
    expect(subjectStatus("in_progress", "session")).toBe("in-progress");
    expect(subjectStatus("completed", "none")).toBe("done");
    expect(subjectStatus("rejected", "code")).toBe("refused");
  });
});
