import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTempDatabase } from "@/db/testing/temp-db";
import { totpCode } from "@/lib/auth/totp";

// Threat: a session taken with a stolen password outlives the victim turning two-step on, or an
// administrator resetting it. getCurrentUser, on a real store, with the session Auth.js would give.
const temp = createTempDatabase("session-check");
process.env.DATABASE_PATH = temp.file;

let token: Record<string, unknown> | null = null;
vi.mock("./auth", () => ({ auth: async () => token }));

let session: typeof import("./session");
let signIn: typeof import("./staff-sign-in");
let twoFactor: typeof import("./two-factor");
let store: typeof import("@/db/staff");
const password = "correct horse battery";
let member: { id: number; email: string; name: string };
const admin = { id: 0, email: "seed" };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
  store = await import("@/db/staff");
  session = await import("./session");
  signIn = await import("./staff-sign-in");
  twoFactor = await import("./two-factor");
  const { hashPassword } = await import("./passwords");
  const created = await store.createStaffUser(
    { name: "Ida Officer", email: "ida@example.com", role: "privacy_officer", passwordHash: await hashPassword(password) },
    admin,
  );
  member = { id: created.id, email: created.email, name: created.name };
});
afterAll(() => {
  vi.useRealTimers();
  temp.cleanup();
});

// What the jwt/session callbacks (lib/server/auth.ts) make of what the sign-in returned.
const sessionOf = (signedIn: { id: number; method: string; signedInAt: number } | null) => {
  expect(signedIn).not.toBeNull();
  return { user: { id: String(signedIn!.id) }, method: signedIn!.method, signedInAt: signedIn!.signedInAt, expires: "" };
};
const signedInAs = async (t: Record<string, unknown> | null) => {
  token = t;
  return (await session.getCurrentUser())?.id ?? null;
};
const tick = () => vi.setSystemTime(Date.now() + 1_000);

describe("a staff session is refused once two-step changes", () => {
  let secret = "";
  let stolen: Record<string, unknown>;
  let withCode: Record<string, unknown>;

  it("a password session stands while the member has no two-step; a token without how or when it was made does not", async () => {
    stolen = sessionOf(await signIn.authorizeStaff({ email: member.email, password }));
    expect(stolen.method).toBe("password");
    expect(await signedInAs(stolen)).toBe(member.id);
    expect(await signedInAs({ user: { id: String(member.id) }, expires: "" })).toBeNull();
  });

  it("the password session made before two-step went on is refused after; a fresh session with a code stands", async () => {
    tick();
    secret = (await twoFactor.startEnrolment(member, "Northtrail")).secret;
    // The member turns it on from their own session (sid "own"), also made with the password.
    const own = { ...stolen, sid: "own" };
    expect(await twoFactor.confirmEnrolment({ ...member, sessionId: "own" }, totpCode(secret, Date.now()))).toHaveLength(10);
    expect(await signedInAs(stolen)).toBeNull();
    expect(await signedInAs({ ...stolen, sid: "thief" })).toBeNull();
    expect(await signedInAs(own)).toBe(member.id);

    tick();
    const step = await signIn.passwordStep({ email: member.email, password });
    withCode = sessionOf(await signIn.authorizeStaff({ ticket: step!.ticket, code: totpCode(secret, Date.now() + 30_000) }));
    expect(withCode.method).toBe("totp");
    expect(await signedInAs(withCode)).toBe(member.id);
    // A password-only token made after two-step went on (forged time, or a sign-in that skipped the code) is refused too.
    expect(await signedInAs({ ...stolen, signedInAt: Date.now() })).toBeNull();
  });

  it("an administrator resetting it ends the code session too; a session made after stands", async () => {
    tick();
    await store.removeTwoFactor(member.id, { id: 999, email: "admin@example.com" }, "admin-reset");
    expect(await signedInAs(withCode)).toBeNull();
    expect(await signedInAs({ ...withCode, sid: "own" })).toBeNull();
    tick();
    const fresh = sessionOf(await signIn.authorizeStaff({ email: member.email, password }));
    expect(await signedInAs(fresh)).toBe(member.id);
  });
});
