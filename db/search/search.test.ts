import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("search");
process.env.DATABASE_PATH = temp.file;

let search: typeof import("./search");
let client: typeof import("../client");
const sids: Record<string, number> = {};

beforeAll(async () => {
  client = await import("../client");
  search = await import("./search");
  const { loadTestCatalog } = await import("../testing/catalog");
  loadTestCatalog(client.db);
  const sql = client.db.$client;
  const person = sql.prepare(
    "INSERT INTO subjects (uid, external_id, email, name, jurisdiction, locale, created_at) VALUES (?, ?, ?, ?, 'EU', 'en', 0) RETURNING id",
  );
  for (const [uid, ext, email, name] of [
    ["sub_ada", "CUST-0001", "ada.lovelace@example.org", "Ada Lovelace"],
    ["sub_grace", null, "grace.hopper@navy.example", "Grace Hopper"],
    ["sub_yoshida", "CUST-0003", "yoshida.akemi@example.jp", "吉田 明美子"],
    ["sub_pct", null, "100%_sure@example.org", null],
  ] as const)
    sids[uid] = (person.get(uid, ext, email, name) as { id: number }).id;
  const request = sql.prepare(
    "INSERT INTO subject_requests (ref, subject_id, type, status, jurisdiction, intake, received_at, due_at, created_at) VALUES (?, ?, ?, 'received', 'EU', 'staff', ?, 0, 0)",
  );
  request.run("REQ-2026-00041", sids.sub_ada, "access", 1_000);
  request.run("REQ-2026-00042", sids.sub_grace, "deletion", 2_000);
  request.run("REQ-2025-00099", null, "access", 500);
  sql
    .prepare(
      `INSERT INTO notice_versions (notice_id, version, status, title, short_layer, full_text, material, created_at, published_at)
       SELECT id, 2, 'published', '뉴스레터 구독', '{}', 'f', 0, 0, 0 FROM notices WHERE locale = 'ko' AND purpose_id = (SELECT id FROM purposes WHERE key = 'newsletter')`,
    )
    .run();
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

const uids = (hits: { uid: string }[]) => hits.map((h) => h.uid);

describe("searchPeople", () => {
  it("finds a person by part of their email, in any case", () => {
    expect(uids(search.searchPeople("LOVELACE@exa"))).toEqual(["sub_ada"]);
    expect(uids(search.searchPeople("navy.exam"))).toEqual(["sub_grace"]);
  });

  it("finds people by part of a name, an external id, or a whole subject id", () => {
    expect(uids(search.searchPeople("hopper"))).toEqual(["sub_grace"]);
    expect(uids(search.searchPeople("明美子"))).toEqual(["sub_yoshida"]);
    expect(uids(search.searchPeople("cust-000"))).toEqual(["sub_yoshida", "sub_ada"]);
    expect(uids(search.searchPeople("sub_grace"))).toEqual(["sub_grace"]);
  });

  it("lists a whole email first, then the newest people holding the part", () => {
    expect(uids(search.searchPeople("ada.lovelace@example.org"))).toEqual(["sub_ada"]);
    expect(uids(search.searchPeople("example"))).toEqual(["sub_pct", "sub_yoshida", "sub_grace", "sub_ada"]);
  });

  it("reads quotes and query syntax as text, never as an FTS5 query", () => {
    expect(uids(search.searchPeople("100%_sure"))).toEqual(["sub_pct"]);
    expect(search.searchPeople('ada" OR "grace')).toEqual([]);
    expect(search.searchPeople("NEAR(ada grace)")).toEqual([]);
  });

  it("follows a changed email and a deleted person", () => {
    const sql = client.db.$client;
    sql.prepare("UPDATE subjects SET email = 'ada@analytical.example' WHERE uid = 'sub_ada'").run();
    expect(search.searchPeople("lovelace@")).toEqual([]);
    expect(uids(search.searchPeople("analytical"))).toEqual(["sub_ada"]);
    sql.prepare("UPDATE subjects SET email = 'ada.lovelace@example.org' WHERE uid = 'sub_ada'").run();
    const gone = sql
      .prepare(
        "INSERT INTO subjects (uid, email, name, jurisdiction, locale, created_at) VALUES ('sub_gone', 'gone.soon@example.org', 'Gone Soon', 'EU', 'en', 0) RETURNING id",
      )
      .get() as { id: number };
    expect(uids(search.searchPeople("gone.soon"))).toEqual(["sub_gone"]);
    sql.prepare("DELETE FROM subjects WHERE id = ?").run(gone.id);
    expect(search.searchPeople("gone.soon")).toEqual([]);
  });

  it("finds no one by a part shorter than three characters", () => {
    expect(search.searchPeople("ad")).toEqual([]);
  });
});

describe("searchRequests", () => {
  it("finds requests by part of their reference, newest first", () => {
    expect(search.searchRequests("2026-0004").map((r) => r.ref)).toEqual(["REQ-2026-00042", "REQ-2026-00041"]);
    expect(search.searchRequests("req-2025").map((r) => r.ref)).toEqual(["REQ-2025-00099"]);
  });

  it("adds the requests of the people found", () => {
    expect(search.searchRequests("hopper", ["sub_grace"])).toEqual([
      { id: expect.any(Number), ref: "REQ-2026-00042", type: "deletion", status: "received", receivedAt: 2_000 },
    ]);
  });

  it("takes % and _ in the query literally", () => {
    expect(search.searchRequests("%")).toEqual([]);
    expect(search.searchRequests("2026_0")).toEqual([]);
  });
});

describe("searchPurposes", () => {
  it("finds purposes by part of the key or of a published title in any language", () => {
    expect(search.searchPurposes("ad_shar").map((p) => p.key)).toEqual(["ad_sharing"]);
    expect(search.searchPurposes("구독").map((p) => p.key)).toEqual(["newsletter"]);
    expect(search.searchPurposes("nothing-like-it")).toEqual([]);
  });
});
