import { describe, expect, it } from "vitest";
import { parseQueueQuery, queueQuery } from "./filter";
import { builtInQueueViews, deleteQueueViewSchema, saveQueueViewSchema } from "./saved-views";

const issues = (input: unknown) => {
  const r = saveQueueViewSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("saveQueueViewSchema", () => {
  it("keeps a trimmed name and the query in its canonical form", () => {
    expect(saveQueueViewSchema.parse({ name: "  Mine, late  ", query: "overdue=1&assignee=me&status=open&page=4" })).toEqual({
      name: "Mine, late",
      query: "assignee=me&overdue=1",
    });
  });

  it("refuses an empty or blank name and one over 40 characters", () => {
    expect(issues({ name: "", query: "" })).toEqual(["name:required"]);
    expect(issues({ name: "   ", query: "" })).toEqual(["name:required"]);
    expect(issues({ query: "" })).toEqual(["name:required"]);
    expect(issues({ name: "x".repeat(41), query: "" })).toEqual(["name:too-long"]);
    expect(issues({ name: "x".repeat(40), query: "" })).toEqual([]);
  });

  it("drops what the queue's filter would not accept from the query", () => {
    expect(saveQueueViewSchema.parse({ name: "a", query: "status=nope&type=access&evil=1" }).query).toBe("type=access");
    expect(saveQueueViewSchema.parse({ name: "a", query: ["x", "y"] }).query).toBe("");
  });

  it("refuses to keep a text filter, which may be a person's email or name, on the query field", () => {
    expect(issues({ name: "Ada", query: "q=ada%40example.com&type=access" })).toEqual(["query:has-text"]);
    expect(issues({ name: "Ref", query: "q=REQ-2026-00041" })).toEqual(["query:has-text"]);
    // A blank text is no text filter: the rest is saved.
    expect(saveQueueViewSchema.parse({ name: "a", query: "q=%20&type=access" }).query).toBe("type=access");
  });

  it("reads an id to delete as a positive whole number", () => {
    expect(deleteQueueViewSchema.safeParse({ id: "7" }).success).toBe(true);
    expect(deleteQueueViewSchema.safeParse({ id: "0" }).success).toBe(false);
    expect(deleteQueueViewSchema.safeParse({ id: "1e99" }).success).toBe(false);
  });
});

describe("builtInQueueViews", () => {
  it("are canonical queue queries, so the active one is recognised", () => {
    for (const view of builtInQueueViews) expect(queueQuery(parseQueueQuery(view.query))).toBe(view.query);
  });
});
