import { describe, expect, it } from "vitest";
import { sessionHolds } from "./session-validity";

const t0 = Date.UTC(2026, 11, 7, 9);
const member = { twoFactorOn: false, sessionsValidAfter: null };

describe("whether a staff session stands", () => {
  it("a password session of a member without two-step stands", () => {
    expect(sessionHolds({ method: "password", signedInAt: t0 }, member)).toBe(true);
  });

  it("a password session is refused once the member has two-step on; a code session stands", () => {
    const on = { twoFactorOn: true, sessionsValidAfter: null };
    expect(sessionHolds({ method: "password", signedInAt: t0 }, on)).toBe(false);
    expect(sessionHolds({ method: "totp", signedInAt: t0 }, on)).toBe(true);
    expect(sessionHolds({ method: "recovery", signedInAt: t0 }, on)).toBe(true);
  });

  it("a session made before the member's sessions were ended is refused, even with a code; one made after stands", () => {
    const ended = { twoFactorOn: false, sessionsValidAfter: new Date(t0 + 1) };
    expect(sessionHolds({ method: "totp", signedInAt: t0 }, ended)).toBe(false);
    expect(sessionHolds({ method: "password", signedInAt: t0 + 1 }, ended)).toBe(true);
  });

  it("the session the member changed two-step in, with a code, is kept; their others are not", () => {
    const kept = { twoFactorOn: true, sessionsValidAfter: new Date(t0 + 1), keptSessionId: "s1" };
    expect(sessionHolds({ method: "password", signedInAt: t0, sid: "s1" }, kept)).toBe(true);
    expect(sessionHolds({ method: "password", signedInAt: t0, sid: "s2" }, kept)).toBe(false);
    expect(sessionHolds({ method: "password", signedInAt: t0 }, { ...kept, keptSessionId: null })).toBe(false);
  });

  it("a token that does not say how or when it was made is refused", () => {
    expect(sessionHolds({}, member)).toBe(false);
    expect(sessionHolds({ method: "password" }, member)).toBe(false);
    expect(sessionHolds({ method: "magic", signedInAt: t0 }, member)).toBe(false);
    expect(sessionHolds({ method: "totp", signedInAt: String(t0) }, member)).toBe(false);
  });
});
