import { describe, expect, it } from "vitest";
import {
  assigneeCondition,
  parseQueueQuery,
  queueAuditFilters,
  queueConditions,
  queueHref,
  queueQuery,
  requestQueueFilterSchema,
} from "./filter";

describe("request queue filter", () => {
  it("reads assignee and due-soon from the query string", () => {
    const f = requestQueueFilterSchema.parse({ assignee: "me", dueSoon: "1" });
    expect(f).toMatchObject({ status: "open", assignee: "me", dueSoon: "1" });
    expect(assigneeCondition(f.assignee, 7)).toEqual({ assigneeId: 7 });
    expect(assigneeCondition("none", 7)).toEqual({ unassigned: true });
    expect(assigneeCondition("12", 7)).toEqual({ assigneeId: 12 });
    expect(assigneeCondition(undefined, 7)).toEqual({});
  });

  it("drops malformed values instead of failing", () => {
    const f = requestQueueFilterSchema.parse({ assignee: "0; drop", dueSoon: "yes", status: "x" });
    expect(f.assignee).toBeUndefined();
    expect(f.dueSoon).toBeUndefined();
    expect(f.status).toBe("open");
  });
});

describe("the queue's text filter", () => {
  const q = (value: unknown) => requestQueueFilterSchema.parse({ q: value }).q;

  it("reads the text trimmed, and blank as no filter", () => {
    expect(q("  ada@example  ")).toBe("ada@example");
    expect(q("   ")).toBeUndefined();
    expect(q(undefined)).toBeUndefined();
  });

  it("reads control characters as spaces", () => {
    expect(q("ada\u0000x")).toBe("ada x");
    expect(q("\u0007")).toBeUndefined();
  });

  it("drops a text over 100 characters or given twice instead of failing", () => {
    expect(q("a".repeat(100))).toHaveLength(100);
    expect(q("a".repeat(101))).toBeUndefined();
    expect(q(["ada", "grace"])).toBeUndefined();
    expect(requestQueueFilterSchema.parse({ q: "a".repeat(5000), status: "all" }).status).toBe("all");
  });

  it("passes the text to the query as its text condition", () => {
    const f = requestQueueFilterSchema.parse({ q: "REQ-2026" });
    expect(queueConditions(f, 1, new Date(0), { seesPeople: true }).text).toBe("REQ-2026");
  });

  it("searches people with the text only for a role that may see them", () => {
    const f = requestQueueFilterSchema.parse({ q: "ada@example.com" });
    expect(queueConditions(f, 1, new Date(0), { seesPeople: true })).toMatchObject({ text: "ada@example.com", textPeople: true });
    expect(queueConditions(f, 1, new Date(0), { seesPeople: false })).toMatchObject({ text: "ada@example.com", textPeople: false });
  });
});

describe("queueAuditFilters", () => {
  it("records that a text filter was used, never its words, and leaves the page out", () => {
    const f = requestQueueFilterSchema.parse({ q: "Ada Lovelace", type: "access", assignee: "me", page: "2" });
    const audited = queueAuditFilters(f);
    expect(audited).toEqual({ text: true, status: "open", type: "access", assignee: "me" });
    expect(JSON.stringify(audited)).not.toContain("Ada");
  });

  it("records no text when none was given", () => {
    expect(queueAuditFilters(requestQueueFilterSchema.parse({ status: "all" }))).toEqual({ status: "all" });
  });
});

describe("queueQuery", () => {
  it("writes the filters in one order, defaults and blanks left out", () => {
    const f = requestQueueFilterSchema.parse({ overdue: "1", q: "ada", type: "access", status: "open", page: "3" });
    expect(queueQuery(f)).toBe("q=ada&type=access&overdue=1");
    expect(queueQuery(f, { page: true })).toBe("q=ada&type=access&overdue=1&page=3");
    expect(queueQuery(requestQueueFilterSchema.parse({}))).toBe("");
  });

  it("reads back what it wrote, and drops what the schema refuses", () => {
    const f = requestQueueFilterSchema.parse({ q: "a&b=c", status: "all", assignee: "me", page: "2" });
    expect(parseQueueQuery(queueQuery(f, { page: true }))).toEqual(f);
    expect(parseQueueQuery("status=bogus&assignee=0;x&q=ok")).toEqual(requestQueueFilterSchema.parse({ q: "ok" }));
    expect(parseQueueQuery(undefined)).toEqual(requestQueueFilterSchema.parse({}));
  });

  it("makes the queue's address, on the queue's path only", () => {
    expect(queueHref(requestQueueFilterSchema.parse({}))).toBe("/admin/requests");
    expect(queueHref(parseQueueQuery("q=ada&page=2"))).toBe("/admin/requests?q=ada&page=2");
  });
});
