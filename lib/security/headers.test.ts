import { describe, expect, it } from "vitest";
import { dataContentSecurityPolicy, isHttps, sameOrigin, makeNonce, pageContentSecurityPolicy } from "./headers";

describe("content security policy", () => {
  it("runs only nonced scripts, forbids framing, plugins and foreign form targets", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc123", https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "form-action 'self'", "base-uri 'self'", "default-src 'self'"])
      expect(csp).toContain(d);
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("upgrades requests only over HTTPS, and allows eval only in development", () => {
    expect(pageContentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ nonce: "n", https: false, dev: true })).toContain("'unsafe-eval'");
  });

  it("lets data responses run and frame nothing", () => {
    expect(dataContentSecurityPolicy).toContain("default-src 'none'");
    expect(dataContentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = makeNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(makeNonce()).not.toBe(a);
    expect(makeNonce((b) => b.fill(255))).toBe("/////////////////////w==");
  });
});

describe("https detection", () => {
  it("trusts the first forwarded protocol, else the connection's", () => {
    expect(isHttps("http:", "https")).toBe(true);
    expect(isHttps("http:", "https, http")).toBe(true);
    expect(isHttps("https:", "http")).toBe(false);
    expect(isHttps("https:", null)).toBe(true);
    expect(isHttps("http:", null)).toBe(false);
  });
});

describe("same-origin check for actions", () => {
  it("accepts this site's pages and requests without an Origin, refuses other sites and nonsense", () => {
    expect(sameOrigin("http://127.0.0.1:3100", "127.0.0.1:3100")).toBe(true);
    expect(sameOrigin("https://Trust.Example.com", "trust.example.com")).toBe(true);
    expect(sameOrigin(null, "trust.example.com")).toBe(true);
    expect(sameOrigin("https://evil.example", "trust.example.com")).toBe(false);
    expect(sameOrigin("https://trust.example.com.evil.example", "trust.example.com")).toBe(false);
    expect(sameOrigin("null", "trust.example.com")).toBe(false);
    expect(sameOrigin("https://trust.example.com", null)).toBe(false);
  });
});
