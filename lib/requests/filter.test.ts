import { describe, expect, it } from "vitest";
import { assigneeCondition, requestQueueFilterSchema } from "./filter";

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
