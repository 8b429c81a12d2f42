import { describe, expect, it } from "vitest";
import { DEFAULT_FEED_LIMIT, MAX_FEED_LIMIT, decodeFeedCursor, encodeFeedCursor, feedQuerySchema } from "./feed-schemas";

describe("the feed cursor", () => {
  it("reads back the position it was written from, and says nothing in the clear", () => {
    for (const position of [
      { recipientId: 1, deliveryId: 0 },
      { recipientId: 7, deliveryId: 15233 },
      { recipientId: 2 ** 40, deliveryId: Number.MAX_SAFE_INTEGER },
    ]) {
      const cursor = encodeFeedCursor(position);
      expect(cursor).toMatch(/^c1_[A-Za-z0-9_-]+$/);
      expect(cursor).not.toContain(String(position.deliveryId));
      expect(decodeFeedCursor(cursor)).toEqual(position);
    }
  });

  it("refuses anything Candor did not write", () => {
    const b64 = (s: string) => "c1_" + Buffer.from(s).toString("base64url");
    for (const cursor of [
      "",
      "c1_",
      "garbage",
      "c2_" + encodeFeedCursor({ recipientId: 1, deliveryId: 1 }).slice(3),
      encodeFeedCursor({ recipientId: 1, deliveryId: 1 }) + "=",
      "c1_MS4x!",
      b64("0.5"),
      b64("1.-5"),
      b64("1.05"),
      b64("1.5.6"),
      b64("1.99999999999999999"),
      b64(" 1.5"),
      "c1_" + "A".repeat(200),
    ])
      expect(decodeFeedCursor(cursor), cursor).toBeNull();
  });
});

describe("the feed's query", () => {
  it("starts from the beginning without a cursor or with an empty one, with the default page size", () => {
    expect(feedQuerySchema.parse({})).toEqual({ limit: DEFAULT_FEED_LIMIT });
    expect(feedQuerySchema.parse({ cursor: "", limit: "" })).toEqual({ limit: DEFAULT_FEED_LIMIT });
  });

  it("decodes the cursor and reads the limit as a number", () => {
    const cursor = encodeFeedCursor({ recipientId: 3, deliveryId: 40 });
    expect(feedQuerySchema.parse({ cursor, limit: "25", other: "ignored" })).toEqual({
      cursor: { recipientId: 3, deliveryId: 40 },
      limit: 25,
    });
  });

  it.each([
    [{ cursor: "nope" }, "cursor"],
    [{ limit: "0" }, "limit"],
    [{ limit: String(MAX_FEED_LIMIT + 1) }, "limit"],
    [{ limit: "1.5" }, "limit"],
    [{ limit: "ten" }, "limit"],
  ])("refuses %j, naming %s", (query, parameter) => {
    const result = feedQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual([parameter]);
  });
});
