import { describe, expect, it } from "vitest";
import { noTitles, purposeName, withPurposeNames } from "./titles";

const titles = new Map([["marketing_messages", "새 소식, 혜택, 신상품 출시 안내"]]);

describe("purposeName", () => {
  it("names a purpose by its title in the reader's language", () => {
    expect(purposeName({ key: "marketing_messages", name: "News, offers and new-season launches" }, titles)).toBe(
      "새 소식, 혜택, 신상품 출시 안내",
    );
  });

  it("keeps the brand's name for a purpose with no title in that language, and with no titles at all", () => {
    expect(purposeName({ key: "draft_only", name: "Size advice" }, titles)).toBe("Size advice");
    expect(purposeName({ key: "marketing_messages", name: "News" }, noTitles)).toBe("News");
  });

  it("renames each row and leaves the rest of it as it was", () => {
    const rows = [
      { key: "marketing_messages", name: "News", granted: 3 },
      { key: "other", name: "Other", granted: 1 },
    ];
    expect(withPurposeNames(rows, titles)).toEqual([
      { key: "marketing_messages", name: "새 소식, 혜택, 신상품 출시 안내", granted: 3 },
      { key: "other", name: "Other", granted: 1 },
    ]);
    expect(rows[0].name).toBe("News");
  });
});
