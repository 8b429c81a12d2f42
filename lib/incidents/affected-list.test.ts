import { describe, expect, it } from "vitest";
import { MAX_LIST_ENTRIES, parseAffectedList } from "./affected-list";

describe("parseAffectedList", () => {
  it("reads one entry a line or several split by commas, drops duplicates and blank lines, emails in lower case", () => {
    const r = parseAffectedList("Min-Ji@Example.kr\r\n\nCUST-000042, cust-000042\nmin-ji@example.kr;CUST-000042\n");
    expect(r.entries).toEqual([
      { kind: "email", value: "min-ji@example.kr" },
      { kind: "externalId", value: "CUST-000042" },
      { kind: "externalId", value: "cust-000042" },
    ]);
    expect({ read: r.read, duplicates: r.duplicates, invalid: r.invalidCount }).toEqual({ read: 5, duplicates: 2, invalid: 0 });
  });

  it("reports what is not an email or an id, with its line", () => {
    const r = parseAffectedList(`ok@example.com\nnot an@email\nbroken@\n${"x".repeat(129)}`);
    expect(r.entries).toEqual([{ kind: "email", value: "ok@example.com" }]);
    expect(r.invalid.map((i) => i.line)).toEqual([2, 3, 4]);
    expect(r.invalidCount).toBe(3);
  });

  it("takes a CSV's email column by its header, quotes and a byte-order mark included", () => {
    const r = parseAffectedList('\uFEFFName,Email,Country\n"Kim, Min-ji",kim@example.kr,KR\nTaro,"taro@example.jp",JP\nNo mail,,JP\n');
    expect(r.entries.map((e) => e.value)).toEqual(["kim@example.kr", "taro@example.jp"]);
    expect(r.read).toBe(3);
    expect(r.invalidCount).toBe(1);
  });

  it("refuses a list longer than the limit rather than cutting it", () => {
    const r = parseAffectedList(Array.from({ length: MAX_LIST_ENTRIES + 2 }, (_, i) => `C-${i}`).join("\n"));
    expect(r.tooMany).toBe(true);
  });
});
