import { describe, expect, it } from "vitest";
import { decideReview } from "./workflow";

const author = { id: 1 };
const reviewer = { id: 2 };

describe("decideReview", () => {
  it("lets the author edit and submit a draft", () => {
    expect(decideReview({ status: "draft", authorId: 1 }, "edit", author)).toEqual({ ok: true, next: "draft" });
    expect(decideReview({ status: "draft", authorId: 1 }, "submit", author)).toEqual({ ok: true, next: "in_review" });
  });

  it("lets another person approve what is in review", () => {
    expect(decideReview({ status: "in_review", authorId: 1 }, "approve", reviewer)).toEqual({ ok: true, next: "approved" });
  });

  it("refuses anyone approving their own draft", () => {
    expect(decideReview({ status: "in_review", authorId: 2 }, "approve", reviewer)).toEqual({ ok: false, reason: "own-draft" });
  });

  it("sends back to draft only with a comment", () => {
    expect(decideReview({ status: "in_review", authorId: 1 }, "return", reviewer, "  ")).toEqual({ ok: false, reason: "comment-required" });
    expect(decideReview({ status: "in_review", authorId: 1 }, "return", reviewer, "Say how long")).toEqual({ ok: true, next: "draft" });
  });

  it("refuses actions from the wrong status", () => {
    expect(decideReview({ status: "approved", authorId: 1 }, "edit", author).ok).toBe(false);
    expect(decideReview({ status: "draft", authorId: 1 }, "approve", reviewer).ok).toBe(false);
    expect(decideReview({ status: "in_review", authorId: 1 }, "submit", author).ok).toBe(false);
    expect(decideReview({ status: "approved", authorId: 1 }, "return", reviewer, "x").ok).toBe(false);
  });

  it("lets an approver act on a draft whose author is unknown (seeded or removed)", () => {
    expect(decideReview({ status: "in_review", authorId: null }, "approve", reviewer).ok).toBe(true);
  });
});
