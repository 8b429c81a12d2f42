import { describe, expect, it } from "vitest";
import { normalizeOrigin, originAllowed } from "./origins";

const self = "http://127.0.0.1:3100";
const allowed = ["https://northtrail.example", "http://localhost:*"];
const check = (origin: string | null, fetchSite: string | null = "cross-site") =>
  originAllowed({ origin, selfOrigin: self, allowed, fetchSite });

describe("originAllowed", () => {
  it("allows a listed origin exactly", () => {
    expect(check("https://northtrail.example")).toBe(true);
    expect(check("https://NorthTrail.example")).toBe(true);
    expect(check("http://northtrail.example")).toBe(false);
    expect(check("https://shop.northtrail.example")).toBe(false);
    expect(check("https://northtrail.example.evil.test")).toBe(false);
  });

  it("allows any port of a wildcard entry, on that host and scheme only", () => {
    expect(check("http://localhost:3000")).toBe(true);
    expect(check("http://localhost:8080")).toBe(true);
    expect(check("http://localhost")).toBe(true);
    expect(check("https://localhost:3000")).toBe(false);
    expect(check("http://localhost.evil.test:3000")).toBe(false);
  });

  it("always allows Candor's own origin", () => {
    expect(check("http://127.0.0.1:3100")).toBe(true);
    expect(originAllowed({ origin: self, selfOrigin: self, allowed: [], fetchSite: null })).toBe(true);
  });

  it("allows a request without Origin only when the browser says it is same-origin", () => {
    expect(check(null, "same-origin")).toBe(true);
    expect(check(null, "cross-site")).toBe(false);
    expect(check(null, null)).toBe(false);
  });

  it("refuses opaque and malformed origins", () => {
    expect(check("null")).toBe(false);
    expect(check("file://")).toBe(false);
    expect(check("not a url")).toBe(false);
  });
});

describe("normalizeOrigin", () => {
  it("keeps only scheme, host and a non-default port", () => {
    expect(normalizeOrigin("https://northtrail.example:443/shop?x=1")).toBe("https://northtrail.example");
    expect(normalizeOrigin("http://localhost:3000/")).toBe("http://localhost:3000");
    expect(normalizeOrigin("ftp://x.example")).toBeNull();
  });
});
