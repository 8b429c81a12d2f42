// Who may find what through GET /api/admin/search: people and their requests are for the roles that may read
// people's data; marketing and executives must never get a person, not even by asking for the kind by name.
// The session is stubbed with the real permission table; the route, the search and the store are real.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { can, type Permission } from "@/lib/auth/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { createTempDatabase } from "@/db/testing/temp-db";

const temp = createTempDatabase("search-route");
process.env.DATABASE_PATH = temp.file;
process.env.LOG_LEVEL = "silent";
afterAll(() => temp.cleanup());

const session = { role: "privacy_officer" as string | null, denied: [] as string[] };
vi.mock("@/lib/server/session", () => ({
  requirePermission: async (permission: Permission) => {
    if (!session.role) throw new UnauthenticatedError();
    if (!can(session.role, permission)) {
      session.denied.push(permission);
      throw new ForbiddenError(permission);
    }
    return { id: 1, email: "staff@northtrail.example", name: "Staff", role: session.role };
  },
}));
vi.mock("@/lib/server/purpose-titles", () => ({ getPurposeTitles: async () => new Map() }));

let GET: typeof import("./route").GET;
beforeAll(async () => {
  const { db } = await import("@/db/client");
  const { loadTestCatalog } = await import("@/db/testing/catalog");
  loadTestCatalog(db);
  const sid = db.$client
    .prepare(
      "INSERT INTO subjects (uid, email, name, jurisdiction, locale, created_at) VALUES ('sub_ada', 'ada.newsletter@example.org', 'Ada Lovelace', 'EU', 'en', 0) RETURNING id",
    )
    .get() as { id: number };
  db.$client
    .prepare(
      "INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, received_at, due_at, created_at) VALUES ('REQ-2026-00007', ?, 'access', 'received', 'EU', 'staff', 0, 0, 0)",
    )
    .run(sid.id);
  GET = (await import("./route")).GET;
});

const get = async (query: string) => {
  const response = await GET(new Request(`http://candor.test/api/admin/search?${query}`), undefined as never);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("GET /api/admin/search", () => {
  it("answers a query holding a NUL or other control character as if it were a space, never with a 500", async () => {
    session.role = "privacy_officer";
    const { status, body } = await get("q=ada.news%00letter%07");
    expect(status).toBe(200);
    expect(body).toMatchObject({ q: "ada.news letter", people: [] });
    expect((await get("q=ada.newsletter%00")).body).toMatchObject({ people: [{ uid: "sub_ada" }] });
  });

  it("gives a privacy officer requests, people and purposes, each grouped by kind", async () => {
    session.role = "privacy_officer";
    const { status, body } = await get("q=newsletter");
    expect(status).toBe(200);
    expect(body).toEqual({
      q: "newsletter",
      requests: [{ id: expect.any(Number), ref: "REQ-2026-00007", type: "access", status: "received", receivedAt: 0 }],
      people: [{ uid: "sub_ada", email: "ada.newsletter@example.org", name: "Ada Lovelace", externalId: null }],
      purposes: [{ id: expect.any(Number), key: "newsletter", title: "newsletter", status: "active" }],
    });
  });

  it.each(["marketing", "executive", "admin"])("gives %s purposes only, with no people or requests group", async (role) => {
    session.role = role;
    const { status, body } = await get("q=newsletter");
    expect(status).toBe(200);
    expect(body).toEqual({ q: "newsletter", purposes: [expect.objectContaining({ key: "newsletter" })] });
  });

  it.each([
    ["marketing", "people"],
    ["executive", "people"],
    ["marketing", "requests"],
  ])("refuses %s asking for %s by name (403), and the refusal is the permission check's", async (role, kind) => {
    session.role = role;
    session.denied = [];
    const { status, body } = await get(`q=ada&kind=${kind}`);
    expect(status).toBe(403);
    expect(body).not.toHaveProperty("people");
    expect(session.denied).toEqual(["subject:read-pii"]);
  });

  it("answers nothing, not an error, to a query too short to search", async () => {
    session.role = "privacy_officer";
    expect(await get("q=a")).toEqual({ status: 200, body: { q: "a", requests: [], people: [], purposes: [] } });
    expect(await get("q=%20%20")).toEqual({ status: 200, body: { q: "", requests: [], people: [], purposes: [] } });
  });

  it("refuses a query over 200 characters and an unknown kind with the field named (422)", async () => {
    session.role = "privacy_officer";
    const long = await get(`q=${"x".repeat(201)}`);
    expect(long.status).toBe(422);
    expect(JSON.stringify(long.body)).toContain('"field":"q"');
    const kind = await get("q=ada&kind=staff");
    expect(kind.status).toBe(422);
    expect(JSON.stringify(kind.body)).toContain('"field":"kind"');
  });

  it("asks a signed-out visitor to sign in (401)", async () => {
    session.role = null;
    expect((await get("q=ada")).status).toBe(401);
  });
});
