import { describe, expect, it } from "vitest";
import { actionFailureFor, problemFor } from "./error-contract";
import {
  ConflictError,
  DuplicateError,
  ForbiddenError,
  NoticesMissingError,
  NotFoundError,
  RateLimitedError,
  RefusedError,
  SubjectConflictError,
  UnauthenticatedError,
} from "./errors";

// Every domain error with the problem type and status the API answers and the ActionResult a form gets.
// Written out in full, so a change to the contract must be meant.
const contract: [string, Error, string, number, object][] = [
  ["nobody signed in", new UnauthenticatedError(), "sign-in-required", 401, { ok: false, formError: "signed-out" }],
  ["a role without the permission", new ForbiddenError("notice:publish"), "not-permitted", 403, { ok: false, formError: "forbidden" }],
  ["a record that does not exist", new NotFoundError("request"), "not-found", 404, { ok: false, formError: "not-found" }],
  ["a change the record's state refuses", new ConflictError("wrong-status"), "conflict", 409, { ok: false, formError: "wrong-status" }],
  [
    "notices missing before approval",
    new NoticesMissingError(["ko", "ja"]),
    "conflict",
    409,
    { ok: false, formError: "notices-missing", values: { locales: "ko,ja" } },
  ],
  ["a taken unique value", new DuplicateError("email"), "duplicate", 409, { ok: false, fieldErrors: { email: ["email-taken"] } }],
  [
    "identities of two people",
    new SubjectConflictError(["email", "externalId"]),
    "subject-conflict",
    422,
    { ok: false, fieldErrors: { email: ["subject-conflict"], externalId: ["subject-conflict"] } },
  ],
  [
    "a rule about a field",
    new RefusedError("request-code-wrong", "code"),
    "refused",
    422,
    { ok: false, fieldErrors: { code: ["request-code-wrong"] } },
  ],
  [
    "a rule about the whole form",
    new RefusedError("code-wrong", undefined, { attempts: 2 }),
    "refused",
    422,
    { ok: false, formError: "code-wrong", values: { attempts: 2 } },
  ],
  ["too many tries", new RateLimitedError(125), "too-many-requests", 429, { ok: false, formError: "rate-limited", values: { minutes: 3 } }],
];

describe("the error contract", () => {
  for (const [what, error, type, status, action] of contract) {
    it(`answers ${what} with ${status} ${type} on the API and a refusal on a form`, () => {
      const answer = problemFor(error);
      expect(answer?.problem).toMatchObject({ type: `https://candor.dev/problems/${type}`, status });
      expect(answer?.problem.detail).toEqual(expect.any(String));
      expect(actionFailureFor(error)).toEqual(action);
    });
  }

  it("maps nothing else: an unexpected error stays a 500 and a thrown error", () => {
    for (const error of [new Error("disk full"), new TypeError("x is undefined"), "a string", null, undefined]) {
      expect(problemFor(error)).toBeNull();
      expect(actionFailureFor(error)).toBeNull();
    }
  });

  it("names the API's own fields for a subject conflict, with a pointer to each", () => {
    const { problem } = problemFor(new SubjectConflictError(["subjectId", "email"]))!;
    expect(problem.errors?.map((e) => [e.field, e.pointer])).toEqual([
      ["subject.id", "/subject/id"],
      ["subject.email", "/subject/email"],
    ]);
  });

  it("points a duplicate and a field refusal at their field", () => {
    expect(problemFor(new DuplicateError("key"))!.problem.errors).toEqual([
      { pointer: "/key", field: "key", code: "taken", detail: "Another record already has this key." },
    ]);
    expect(problemFor(new RefusedError("too-early", "subject.receivedAt"))!.problem.errors?.[0]).toMatchObject({
      pointer: "/subject/receivedAt",
      code: "too-early",
    });
  });

  it("tells a rate-limited caller when to come back, and a form at least one minute", () => {
    expect(problemFor(new RateLimitedError(1))).toMatchObject({
      headers: { "Retry-After": "1" },
      problem: { detail: expect.stringContaining("1 second.") },
    });
    expect(actionFailureFor(new RateLimitedError(1, "locked"))).toEqual({ ok: false, formError: "locked", values: { minutes: 1 } });
    expect(actionFailureFor(new RateLimitedError(900, "rate-limited", { max: 3 }))).toEqual({
      ok: false,
      formError: "rate-limited",
      values: { minutes: 15, max: 3 },
    });
  });

  it("matches a subclass by its own rule before its parent's", () => {
    class SelfChange extends ConflictError {
      constructor() {
        super("self-change");
      }
    }
    expect(actionFailureFor(new SelfChange())).toEqual({ ok: false, formError: "self-change" });
    expect(problemFor(new NoticesMissingError(["ko"]))!.problem.detail).toContain("ko");
  });
});
