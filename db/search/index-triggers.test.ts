import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { createTempDatabase } from "../testing/temp-db";

// The people's search index (migration 0016) is kept in step by triggers drizzle-kit does not know of: a later
// migration that rebuilds the subjects table (copy, drop, rename, as drizzle-kit writes most column changes) would
// drop them silently, and the index would then keep erased people's terms. This fails as soon as that happens.
const temp = createTempDatabase("search-triggers");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("the people's search index after every migration", () => {
  it("is still kept in step by its three triggers on subjects", () => {
    const triggers = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'subjects' ORDER BY name")
      .pluck()
      .all();
    expect(triggers).toEqual(["subjects_search_delete", "subjects_search_insert", "subjects_search_update"]);
  });

  it("follows an insert, a change and a delete, and passes FTS5's own integrity check", () => {
    const sql = db.$client;
    const found = (term: string) => sql.prepare("SELECT rowid FROM subject_search WHERE subject_search MATCH ?").pluck().all(`"${term}"`);
    const { id } = sql
      .prepare(
        "INSERT INTO subjects (uid, email, name, jurisdiction, locale, created_at) VALUES ('s1', 'mina.park@example.kr', 'Mina Park', 'KR', 'ko', 0) RETURNING id",
      )
      .get() as { id: number };
    expect(found("mina.park")).toEqual([id]);
    sql.prepare("UPDATE subjects SET email = 'mina.kim@example.kr' WHERE id = ?").run(id);
    expect(found("mina.park")).toEqual([]);
    expect(found("mina.kim")).toEqual([id]);
    sql.prepare("DELETE FROM subjects WHERE id = ?").run(id);
    expect(found("mina")).toEqual([]);
    expect(() => sql.prepare("INSERT INTO subject_search (subject_search) VALUES ('integrity-check')").run()).not.toThrow();
  });
});
