import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiKeySchema, parseOrigin, revokeApiKeySchema, splitOrigins } from "./schemas";

const fieldErrors = (input: Record<string, unknown>) => {
  const r = createApiKeySchema.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe("parseOrigin", () => {
  it("normalizes http and https origins", () => {
    expect(parseOrigin("https://Shop.Example.com")).toBe("https://shop.example.com");
    expect(parseOrigin(" https://shop.example.com/ ")).toBe("https://shop.example.com");
    expect(parseOrigin("https://shop.example.com:443")).toBe("https://shop.example.com");
    expect(parseOrigin("http://localhost:3000")).toBe("http://localhost:3000");
  });

  it("keeps a wildcard port, as the widget matches it", () => {
    expect(parseOrigin("http://LocalHost:*")).toBe("http://localhost:*");
    expect(parseOrigin("https://*.example.com:*")).toBeNull();
    expect(parseOrigin("http://localhost:*/path")).toBeNull();
  });

  it("refuses anything that is not exactly an origin", () => {
    for (const bad of [
      "shop.example.com",
      "ftp://shop.example.com",
      "javascript:alert(1)",
      "https://shop.example.com/path",
      "https://shop.example.com/?q=1",
      "https://shop.example.com/#x",
      "https://shop.example.com/?",
      "https://user:pw@shop.example.com",
      "https://*.example.com",
      "*",
      "",
    ])
      expect(parseOrigin(bad), bad).toBeNull();
  });
});

describe("splitOrigins", () => {
  it("takes one per line, commas or spaces, and skips blanks", () => {
    expect(splitOrigins("https://a.example\n\n https://b.example, https://c.example\r\n")).toEqual([
      "https://a.example",
      "https://b.example",
      "https://c.example",
    ]);
  });
});

describe("createApiKeySchema", () => {
  it("accepts a secret key without origins", () => {
    expect(createApiKeySchema.parse({ name: " Shop backend ", kind: "secret" })).toEqual({
      name: "Shop backend",
      kind: "secret",
      allowedOrigins: [],
    });
  });

  it("accepts a publishable key with origins, normalized and de-duplicated", () => {
    const parsed = createApiKeySchema.parse({
      name: "Widget",
      kind: "publishable",
      allowedOrigins: "https://shop.example.com\nhttps://SHOP.example.com/",
    });
    expect(parsed.allowedOrigins).toEqual(["https://shop.example.com"]);
  });

  it("lets a publishable key name no origins (the brand's allowed sites apply)", () => {
    expect(createApiKeySchema.parse({ name: "Widget", kind: "publishable", allowedOrigins: " " }).allowedOrigins).toEqual([]);
  });

  it("refuses origins on a secret key", () => {
    expect(fieldErrors({ name: "Server", kind: "secret", allowedOrigins: "https://shop.example.com" })).toEqual({
      allowedOrigins: ["origins-secret"],
    });
  });

  it("names a bad origin and a missing name together", () => {
    expect(fieldErrors({ name: "", kind: "publishable", allowedOrigins: "https://ok.example\nshop.example.com" })).toEqual({
      name: ["required"],
      allowedOrigins: ["invalid-origin"],
    });
  });

  it("refuses an unknown kind and too many origins", () => {
    expect(fieldErrors({ name: "x", kind: "root" }).kind).toEqual(["invalid-kind"]);
    const many = Array.from({ length: 21 }, (_, i) => `https://s${i}.example`).join("\n");
    expect(fieldErrors({ name: "x", kind: "publishable", allowedOrigins: many }).allowedOrigins).toEqual(["too-many-origins"]);
  });
});

describe("revokeApiKeySchema", () => {
  it("reads the key id from the form", () => {
    expect(revokeApiKeySchema.parse({ keyId: "7" })).toEqual({ keyId: 7 });
    expect(revokeApiKeySchema.safeParse({ keyId: "x" }).success).toBe(false);
  });
});
