import { describe, expect, it } from "vitest";
import { requestInputSchema, requestRefSchema, requestStatusBody, subjectConflictProblem } from "./request-schemas";

describe("subject requests through the API", () => {
  it("accepts a type and a subject named by id, customer id or email", () => {
    expect(requestInputSchema.safeParse({ type: "access", subject: { externalId: "c-1" } }).success).toBe(true);
    expect(requestInputSchema.parse({ type: "deletion", subject: { email: " Mina@Example.com " } }).subject.email).toBe("mina@example.com");
    expect(requestInputSchema.parse({ type: "access", subject: { id: "x" } }).identityVerified).toBe(false);
  });

  it("refuses unknown types, unnamed subjects, extra fields and long details", () => {
    expect(requestInputSchema.safeParse({ type: "erase-everything", subject: { id: "x" } }).success).toBe(false);
    expect(requestInputSchema.safeParse({ type: "access", subject: {} }).success).toBe(false);
    expect(requestInputSchema.safeParse({ type: "access", subject: { id: "x" }, priority: "high" }).success).toBe(false);
    expect(requestInputSchema.safeParse({ type: "access", subject: { id: "x" }, details: "x".repeat(4001) }).success).toBe(false);
    expect(requestInputSchema.safeParse({ type: "access", subject: { id: "x" }, jurisdiction: "US" }).success).toBe(false);
  });

  it("answers identities of two people with a 422 subject-conflict naming both fields", () => {
    const p = subjectConflictProblem(["subject.externalId", "subject.email"]);
    expect(p).toMatchObject({
      status: 422,
      type: "https://candor.dev/problems/subject-conflict",
      detail: expect.stringContaining("subject.externalId and subject.email"),
    });
    expect(p.errors).toEqual([
      {
        pointer: "/subject/externalId",
        field: "subject.externalId",
        code: "subject-conflict",
        detail: "Names a different person than subject.email.",
      },
      {
        pointer: "/subject/email",
        field: "subject.email",
        code: "subject-conflict",
        detail: "Names a different person than subject.externalId.",
      },
    ]);
  });

  it("knows a reference when it sees one", () => {
    expect(requestRefSchema.safeParse("REQ-2026-00042").success).toBe(true);
    expect(requestRefSchema.safeParse("REQ-26-1").success).toBe(false);
    expect(requestRefSchema.safeParse("../etc").success).toBe(false);
  });

  it("shows state and dates, and an opt-out as verified since it needs no check", () => {
    const base = {
      ref: "REQ-2026-00001",
      type: "opt_out_sale" as const,
      status: "received" as const,
      jurisdiction: "US-CA",
      verification: "none" as const,
      verifiedAt: null,
      receivedAt: new Date("2026-05-01T00:00:00Z"),
      dueAt: new Date("2026-05-22T00:00:00Z"),
      extendedAt: null,
      closedAt: null,
    };
    expect(requestStatusBody(base, "uid-1")).toEqual({
      ref: "REQ-2026-00001",
      type: "opt_out_sale",
      status: "received",
      jurisdiction: "US-CA",
      subjectId: "uid-1",
      verification: "none",
      verified: true,
      receivedAt: "2026-05-01T00:00:00.000Z",
      dueAt: "2026-05-22T00:00:00.000Z",
      extended: false,
      closedAt: null,
      outcome: null,
      denialReason: null,
    });
    expect(requestStatusBody({ ...base, type: "access", verification: "code" }, null).verified).toBe(false);
  });

  it("shows how a closed request ended: the outcome and the reason of a part withheld", () => {
    const closed = {
      ref: "REQ-2026-00002",
      type: "access" as const,
      status: "completed" as const,
      jurisdiction: "US-CA",
      verification: "code" as const,
      verifiedAt: new Date("2026-05-02T00:00:00Z"),
      receivedAt: new Date("2026-05-01T00:00:00Z"),
      dueAt: new Date("2026-06-15T00:00:00Z"),
      extendedAt: null,
      closedAt: new Date("2026-05-20T00:00:00Z"),
      outcome: "complied_in_part" as const,
      denialReason: "exempt" as const,
    };
    expect(requestStatusBody(closed, null)).toMatchObject({
      outcome: "complied_in_part",
      denialReason: "exempt",
      closedAt: "2026-05-20T00:00:00.000Z",
    });
  });
});
