import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuplicateError, RefusedError } from "@/lib/errors";
import { SAVED_VIEWS_MAX } from "@/lib/requests/saved-views";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("saved-views");
process.env.DATABASE_PATH = temp.file;

let views: typeof import("./saved-views");
let client: typeof import("../client");
const staff: Record<string, number> = {};

beforeAll(async () => {
  client = await import("../client");
  views = await import("./saved-views");
  const add = client.db.$client.prepare(
    "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, ?, 'privacy_officer', 'x', 0) RETURNING id",
  );
  staff.olga = (add.get("olga@example.com", "Olga") as { id: number }).id;
  staff.pat = (add.get("pat@example.com", "Pat") as { id: number }).id;
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

describe("saved queue views", () => {
  it("keeps each member's views to that member, in the order they were saved", () => {
    views.createSavedQueueView(staff.olga, "Late", "overdue=1");
    views.createSavedQueueView(staff.olga, "Access", "type=access");
    views.createSavedQueueView(staff.pat, "Late", "overdue=1&assignee=me");
    expect(views.listSavedQueueViews(staff.olga).map((v) => [v.name, v.query])).toEqual([
      ["Late", "overdue=1"],
      ["Access", "type=access"],
    ]);
    expect(views.listSavedQueueViews(staff.pat).map((v) => v.name)).toEqual(["Late"]);
  });

  it("refuses a name the member already uses, in any case, on the name field", () => {
    expect(() => views.createSavedQueueView(staff.olga, "late", "q=x")).toThrow(DuplicateError);
    expect(views.listSavedQueueViews(staff.olga)).toHaveLength(2);
  });

  it("refuses as a duplicate name, not a bare constraint error, a view another save wrote after the name was checked", () => {
    // The trigger plays the other save: it writes the same name between this save's check and its insert.
    const sql = client.db.$client;
    sql.exec(
      "CREATE TEMP TRIGGER race BEFORE INSERT ON saved_queue_views BEGIN INSERT INTO saved_queue_views (staff_id, name, query, created_at) VALUES (NEW.staff_id, NEW.name, 'other', NEW.created_at); END",
    );
    try {
      expect(() => views.createSavedQueueView(staff.pat, "Raced", "type=access")).toThrow(DuplicateError);
    } finally {
      sql.exec("DROP TRIGGER race");
    }
    expect(views.listSavedQueueViews(staff.pat).map((v) => v.name)).toEqual(["Late"]);
  });

  it("does not delete another member's view", () => {
    const pats = views.listSavedQueueViews(staff.pat)[0];
    expect(views.deleteSavedQueueView(staff.olga, pats.id)).toBe(false);
    expect(views.listSavedQueueViews(staff.pat)).toHaveLength(1);
    expect(views.deleteSavedQueueView(staff.pat, pats.id)).toBe(true);
    expect(views.listSavedQueueViews(staff.pat)).toHaveLength(0);
  });

  it(`refuses a view past ${SAVED_VIEWS_MAX}`, () => {
    for (let i = views.listSavedQueueViews(staff.olga).length; i < SAVED_VIEWS_MAX; i++)
      views.createSavedQueueView(staff.olga, `v${i}`, "");
    expect(() => views.createSavedQueueView(staff.olga, "one more", "")).toThrow(RefusedError);
    expect(views.listSavedQueueViews(staff.olga)).toHaveLength(SAVED_VIEWS_MAX);
  });
});
