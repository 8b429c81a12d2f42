// Each domain error, thrown inside an API route (apiRoute, dashboardRoute, and POST /api/v1/requests itself)
// and inside a server action (runAction, runSubjectAction, runPublicAction), is answered through the one error
// map: the route with its problem document and status, the action with its ActionResult. Anything else is a
// 500 from the route and is thrown on by the action. The staff and subject sessions are stubbed; the wrappers are real.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createTempDatabase } from "@/db/testing/temp-db";
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
} from "@/lib/errors";

const temp = createTempDatabase("error-answers");
process.env.DATABASE_PATH = temp.file;
process.env.LOG_LEVEL = "silent";
process.env.AUTH_SECRET = "error-answers-secret-error-answers-secret";
afterAll(() => temp.cleanup());

const thrown = { error: null as unknown };
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, has: () => false, set: () => {}, delete: () => {}, getAll: () => [] }),
}));
vi.mock("@/lib/server/session", () => ({
  requirePermission: async () => ({ id: 1, email: "officer@northtrail.example", name: "Officer", role: "privacy_officer" }),
}));
vi.mock("@/lib/server/preferences-session", () => ({
  getPreferencesSubject: async () => ({ id: 1, uid: "sub_1", jurisdiction: "EU", isMinor: false }),
}));
// The intake is the store call inside POST /api/v1/requests; here it throws whatever the case needs.
vi.mock("@/db/requests/intake", async (original) => ({
  ...(await original<typeof import("@/db/requests/intake")>()),
  createRequest: () => {
    throw thrown.error;
  },
}));

const cases: [Error, number, string, object][] = [
  [new UnauthenticatedError(), 401, "sign-in-required", { ok: false, formError: "signed-out" }],
  [new ForbiddenError("request:process"), 403, "not-permitted", { ok: false, formError: "forbidden" }],
  [new NotFoundError("request"), 404, "not-found", { ok: false, formError: "not-found" }],
  [new ConflictError("wrong-status"), 409, "conflict", { ok: false, formError: "wrong-status" }],
  [new NoticesMissingError(["ko"]), 409, "conflict", { ok: false, formError: "notices-missing", values: { locales: "ko" } }],
  [new DuplicateError("email"), 409, "duplicate", { ok: false, fieldErrors: { email: ["email-taken"] } }],
  [
    new SubjectConflictError(["email", "externalId"]),
    422,
    "subject-conflict",
    { ok: false, fieldErrors: { email: ["subject-conflict"], externalId: ["subject-conflict"] } },
  ],
  [new RefusedError("request-code-wrong", "code"), 422, "refused", { ok: false, fieldErrors: { code: ["request-code-wrong"] } }],
  [new RateLimitedError(90), 429, "too-many-requests", { ok: false, formError: "rate-limited", values: { minutes: 2 } }],
];

const name = (e: Error) => e.constructor.name;
const empty = z.object({});
let api: typeof import("./api");
let adminApi: typeof import("./admin-api");
let action: typeof import("./action");
let requestsRoute: typeof import("@/app/api/v1/requests/route");
let secretKey = "";

beforeAll(async () => {
  api = await import("./api");
  adminApi = await import("./admin-api");
  action = await import("./action");
  requestsRoute = await import("@/app/api/v1/requests/route");
  const { createApiKey } = await import("@/db/staff/api-keys-server");
  secretKey = createApiKey({ name: "error answers", kind: "secret", allowedOrigins: [] }, { id: null, email: "test" }).plaintext;
});

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { type: string; status: number; detail: string; errors?: { field: string }[] };
}

describe("a domain error inside an API route", () => {
  for (const [error, status, type] of cases) {
    it(`${name(error)} answers ${status} ${type} from apiRoute and from a dashboard route`, async () => {
      const route = api.apiRoute(() => {
        throw error;
      });
      const response = await route(new Request("http://candor.test/api/v1/anything", { method: "POST" }), {});
      expect(response.status).toBe(status);
      expect(await problemOf(response)).toMatchObject({ type: `https://candor.dev/problems/${type}`, status });
      if (error instanceof RateLimitedError) expect(response.headers.get("retry-after")).toBe("90");
      const dashboard = adminApi.dashboardRoute("trust-dashboard:read", () => {
        throw error;
      });
      const fromDashboard = await dashboard(new Request("http://candor.test/api/admin/trust"), {});
      expect(fromDashboard.status).toBe(status);
      expect((await problemOf(fromDashboard)).type).toBe(`https://candor.dev/problems/${type}`);
    });
  }

  it("answers anything else with a 500 problem document that says nothing was changed", async () => {
    const route = api.apiRoute(() => {
      throw new Error("disk full");
    });
    const response = await route(new Request("http://candor.test/api/v1/anything"), {});
    expect(response.status).toBe(500);
    const body = await problemOf(response);
    expect(body.type).toBe("https://candor.dev/problems/internal");
    expect(body.detail).not.toContain("disk full");
  });
});

describe("POST /api/v1/requests", () => {
  const post = () =>
    requestsRoute.POST(
      new Request("http://candor.test/api/v1/requests", {
        method: "POST",
        headers: { authorization: `Bearer ${secretKey}`, "content-type": "application/json" },
        body: JSON.stringify({ type: "access", jurisdiction: "EU", subject: { email: "person@example.com", externalId: "c-1" } }),
      }),
      {} as never,
    );

  it("answers a conflict in the intake with 409, not 500", async () => {
    thrown.error = new ConflictError("wrong-status");
    const response = await post();
    expect(response.status).toBe(409);
    expect((await problemOf(response)).type).toBe("https://candor.dev/problems/conflict");
  });

  it("answers identities of two people with 422 naming the API's fields", async () => {
    thrown.error = new SubjectConflictError(["email", "externalId"]);
    const response = await post();
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((e) => e.field)).toEqual(["subject.email", "subject.externalId"]);
  });
});

describe("a domain error inside a server action", () => {
  for (const [error, , , result] of cases) {
    it(`${name(error)} comes back from runAction, runSubjectAction and runPublicAction as ${JSON.stringify(result)}`, async () => {
      const fail = () => {
        throw error;
      };
      expect(await action.runAction("request:process", empty, new FormData(), fail)).toEqual(result);
      expect(await action.runSubjectAction(empty, new FormData(), fail)).toEqual(result);
      expect(await action.runPublicAction(empty, new FormData(), fail)).toEqual(result);
    });
  }

  it("throws anything else on, for the error boundary", async () => {
    await expect(
      action.runAction("request:process", empty, new FormData(), () => {
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
  });

  it("returns the body's data, and invalid input as field messages before the body runs", async () => {
    const schema = z.object({ note: z.string().min(3, { error: "too-short" }) });
    const form = new FormData();
    form.set("note", "a note");
    expect(await action.runAction("request:process", schema, form, (i) => ({ ok: true, data: i.note.length }))).toEqual({
      ok: true,
      data: 6,
    });
    const body = vi.fn();
    form.set("note", "x");
    expect(await action.runSubjectAction(schema, form, body)).toEqual({ ok: false, fieldErrors: { note: ["too-short"] } });
    expect(body).not.toHaveBeenCalled();
  });
});
