import { describe, expect, it } from "vitest";
import { readStatusToken, signStatusToken, statusLinkExpiry } from "./status-token";

const key = Buffer.from("a".repeat(32));
const later = new Date("2028-01-01T00:00:00Z");
const now = new Date("2026-12-07T00:00:00Z");

describe("status token", () => {
  it("opens the request it was made for until it expires", () => {
    const token = signStatusToken(key, "REQ-2026-00042", later);
    expect(readStatusToken(key, token, now)).toEqual({ ok: true, ref: "REQ-2026-00042", expiresAt: later });
    expect(readStatusToken(key, token, new Date(later.getTime() + 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token whose reference or expiry was changed, or that another key signed", () => {
    const token = signStatusToken(key, "REQ-2026-00042", later);
    const [, exp, mac] = token.split(".");
    expect(readStatusToken(key, `REQ-2026-00043.${exp}.${mac}`, now)).toEqual({ ok: false, reason: "invalid" });
    expect(readStatusToken(key, `REQ-2026-00042.${Number(exp) + 86400}.${mac}`, now)).toEqual({ ok: false, reason: "invalid" });
    expect(readStatusToken(Buffer.from("b".repeat(32)), token, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses malformed tokens without throwing", () => {
    for (const bad of ["", "x", "REQ-2026-00042", "REQ-2026-00042.1.2.3", "../../etc.1.x", "REQ-2026-00042.abc.def", "REQ-2026-00042.1."])
      expect(readStatusToken(key, bad, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("outlives the request record's retention: 24 months plus the longest a request stays open", () => {
    expect(statusLinkExpiry(new Date("2026-03-31T10:00:00Z"), 24).toISOString()).toBe("2028-10-01T10:00:00.000Z");
    expect(statusLinkExpiry(now, 24).getTime()).toBeGreaterThan(new Date("2028-12-07T00:00:00Z").getTime());
  });
});
