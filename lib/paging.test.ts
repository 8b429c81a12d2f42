import { describe, expect, it } from "vitest";
import { pageHref } from "./paging";

describe("pageHref", () => {
  it("keeps the filters and sets the page", () => {
    expect(pageHref("/admin/audit", { action: "staff.create", outcome: "ok", page: 1 }, 2)).toBe(
      "/admin/audit?action=staff.create&outcome=ok&page=2",
    );
  });

  it("leaves out blank and absent filters", () => {
    expect(pageHref("/admin/outbox", { to: "", status: undefined, kind: null }, 3)).toBe("/admin/outbox?page=3");
  });

  it("escapes what it writes", () => {
    expect(pageHref("/admin/outbox", { to: "a&b=c@example.com" }, 1)).toBe("/admin/outbox?to=a%26b%3Dc%40example.com&page=1");
  });
});
