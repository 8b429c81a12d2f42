import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildPreferencesLink, LINK_MAX_LIFETIME_S, linkSignature, verifyPreferencesLink } from "./link";

const secret = "brand-shared-secret";
const sid = "1e129f7d-efa1-4f6c-b8b9-688423001dbf";
const nowMs = 1_800_000_000_000;
const nowS = nowMs / 1000;

function query(url: string) {
  return Object.fromEntries(new URL(url).searchParams);
}

describe("signed preference links", () => {
  it("signs sid.exp with HMAC-SHA256 in base64url, as the README tells brands to", () => {
    const expected = createHmac("sha256", secret)
      .update(`${sid}.${nowS + 600}`)
      .digest("base64url");
    expect(linkSignature(secret, sid, nowS + 600)).toBe(expected);
  });

  it("accepts a link it built until its expiry", () => {
    const link = buildPreferencesLink("https://trust.example/", secret, sid, nowS + 600);
    expect(link.startsWith("https://trust.example/preferences/link?sid=")).toBe(true);
    expect(verifyPreferencesLink(query(link), secret, nowMs)).toEqual({ ok: true, sid, exp: nowS + 600 });
  });

  it("refuses an expired link", () => {
    const link = buildPreferencesLink("https://t.example", secret, sid, nowS - 1);
    expect(verifyPreferencesLink(query(link), secret, nowMs)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a link valid for longer than the maximum lifetime", () => {
    const link = buildPreferencesLink("https://t.example", secret, sid, nowS + LINK_MAX_LIFETIME_S + 60);
    expect(verifyPreferencesLink(query(link), secret, nowMs)).toEqual({ ok: false, reason: "too-long" });
  });

  it("refuses a link signed with another secret, or with its subject or expiry changed", () => {
    const q = query(buildPreferencesLink("https://t.example", "not-the-secret", sid, nowS + 600));
    expect(verifyPreferencesLink(q, secret, nowMs)).toEqual({ ok: false, reason: "forged" });
    const good = query(buildPreferencesLink("https://t.example", secret, sid, nowS + 600));
    expect(verifyPreferencesLink({ ...good, sid: "5bcc8b92-8024-4303-9031-94190d5bdf77" }, secret, nowMs).ok).toBe(false);
    expect(verifyPreferencesLink({ ...good, exp: String(nowS + 6000) }, secret, nowMs)).toEqual({ ok: false, reason: "forged" });
  });

  it("says a forged, already expired link is forged, not expired", () => {
    const good = query(buildPreferencesLink("https://t.example", secret, sid, nowS - 600));
    expect(verifyPreferencesLink({ ...good, sig: "A".repeat(43) }, secret, nowMs)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses malformed or missing parameters without throwing", () => {
    for (const q of [
      {},
      { sid, exp: "soon", sig: "x" },
      { sid: "a b", exp: "1", sig: "A".repeat(43) },
      { sid, exp: "1".repeat(13), sig: "A".repeat(43) },
    ])
      expect(verifyPreferencesLink(q, secret, nowMs)).toEqual({ ok: false, reason: "malformed" });
  });
});
