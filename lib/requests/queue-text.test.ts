import { describe, expect, it } from "vitest";
import { prefixUpperBound, referencePrefixes } from "./queue-text";

describe("referencePrefixes", () => {
  it("reads a reference or its start in capitals", () => {
    expect(referencePrefixes("req-2026-00042")).toEqual(["REQ-2026-00042"]);
    expect(referencePrefixes(" REQ-20 ")).toEqual(["REQ-20"]);
    expect(referencePrefixes("re")).toEqual(["RE"]);
  });

  it("reads the sequence part alone as a reference, as it is read off an email", () => {
    expect(referencePrefixes("2026-0004")).toEqual(["REQ-2026-0004"]);
  });

  it("finds no reference in a name or an address", () => {
    expect(referencePrefixes("ada")).toEqual([]);
    expect(referencePrefixes("ada@example.org")).toEqual([]);
    expect(referencePrefixes("REQ 2026")).toEqual([]);
    expect(referencePrefixes("")).toEqual([]);
  });
});

describe("prefixUpperBound", () => {
  it("sorts after every reference with the prefix and before the next prefix", () => {
    const bound = prefixUpperBound("REQ-2026-0004");
    for (const ref of ["REQ-2026-00040", "REQ-2026-00049", "REQ-2026-0004"]) expect(ref < bound).toBe(true);
    expect("REQ-2026-00050" < bound).toBe(false);
  });
});
