import { describe, expect, it } from "vitest";
import { z } from "zod";
import { consentEventInputSchema } from "../consent/events";
import { fieldName, jsonPointer, problem, problemResponse, rejectionFieldError, summarizeErrors, zodFieldErrors } from "./problem";

describe("problem", () => {
  it("builds an RFC 9457 document with a stable type URI", () => {
    expect(problem("validation", "purpose: bad")).toEqual({
      type: "https://candor.dev/problems/validation",
      title: "The request is not valid",
      status: 422,
      detail: "purpose: bad",
    });
    expect(problem("unauthorized", "x").status).toBe(401);
    expect(problem("batch-too-large", "x").status).toBe(422);
  });

  it("answers as application/problem+json with the problem's status and extra headers", async () => {
    const response = problemResponse(problem("unauthorized", "No key."), { "WWW-Authenticate": 'Bearer realm="candor"' });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="candor"');
    expect(await response.json()).toMatchObject({ status: 401, detail: "No key." });
  });
});

describe("paths", () => {
  it("escapes JSON Pointer tokens", () => {
    expect(jsonPointer(["events", 3, "subject", "a/b~c"])).toBe("/events/3/subject/a~1b~0c");
    expect(jsonPointer([])).toBe("");
  });

  it("writes field names as people do", () => {
    expect(fieldName(["subject", "email"])).toBe("subject.email");
    expect(fieldName(["events", 3, "purpose"])).toBe("events[3].purpose");
    expect(fieldName([])).toBe("(body)");
  });
});

describe("zodFieldErrors", () => {
  const errorsOf = (value: unknown, options?: Parameters<typeof zodFieldErrors>[1]) => {
    const r = consentEventInputSchema.safeParse(value);
    if (r.success) throw new Error("expected a failure");
    return zodFieldErrors(r.error, options);
  };

  it("names each failing field, and says a missing one is required", () => {
    const errors = errorsOf({ subject: { externalId: "c1" }, purpose: "Not A Key" });
    expect(errors.map((e) => e.field).sort()).toEqual(["event", "purpose"]);
    expect(errors.find((e) => e.field === "event")?.detail).toBe('One of "granted", "denied" or "withdrawn".');
    const missing = errorsOf({ purpose: "marketing_messages", event: "granted" });
    expect(missing).toEqual([{ pointer: "/subject", field: "subject", code: "invalid_type", detail: "This field is required." }]);
  });

  it("names every unknown key on its own", () => {
    const errors = errorsOf({ subject: { externalId: "c1", colour: "red" }, purpose: "marketing_messages", event: "granted", extra: 1 });
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([
      ["/subject/colour", "unrecognized_keys"],
      ["/extra", "unrecognized_keys"],
    ]);
  });

  it("points into the batch body and names the event's index", () => {
    const [error] = errorsOf(
      { subject: { externalId: "c1" }, purpose: "marketing_messages", event: "maybe" },
      { base: ["events", 7], index: 7 },
    );
    expect(error).toMatchObject({ pointer: "/events/7/event", field: "event", index: 7, code: "invalid_value" });
  });

  it("keeps a refinement's message", () => {
    const r = z
      .object({ a: z.string() })
      .refine(() => false, { message: "Nope." })
      .safeParse({ a: "x" });
    expect(zodFieldErrors(r.error!)).toEqual([{ pointer: "", field: "(body)", code: "custom", detail: "Nope." }]);
  });
});

describe("rejectionFieldError", () => {
  it("turns a dotted ledger field into a pointer", () => {
    expect(
      rejectionFieldError({ field: "subject.email", code: "subject-conflict", detail: "d" }, { base: ["events", 2], index: 2 }),
    ).toEqual({
      pointer: "/events/2/subject/email",
      field: "subject.email",
      index: 2,
      code: "subject-conflict",
      detail: "d",
    });
  });
});

describe("summarizeErrors", () => {
  it("names the first few errors and counts the rest", () => {
    const e = (i: number) => ({ pointer: "", field: "purpose", index: i, code: "c", detail: "bad." });
    expect(summarizeErrors([e(0)])).toBe("event 0: purpose: bad.");
    expect(summarizeErrors([e(0), e(1), e(2), e(3), e(4)])).toBe(
      "event 0: purpose: bad.; event 1: purpose: bad.; event 2: purpose: bad. (and 2 more)",
    );
  });
});
