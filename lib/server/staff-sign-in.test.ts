import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTempDatabase } from "@/db/testing/temp-db";
import { totpCode } from "@/lib/auth/totp";

// Sign-in with a second factor, as Auth.js's credentials check runs it, on a real store.
const temp = createTempDatabase("sign-in-2fa");
process.env.DATABASE_PATH = temp.file;

let signIn: typeof import("./staff-sign-in");
let twoFactor: typeof import("./two-factor");
let store: typeof import("@/db/staff");
const password = "correct horse battery";
let user: { id: number; email: string; name: string };
let secret: string;
let recovery: string[];

beforeAll(async () => {
  // The clock stands in the middle of a 30-second step, so no step boundary falls between two lines.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
  store = await import("@/db/staff");
  signIn = await import("./staff-sign-in");
  twoFactor = await import("./two-factor");
  const { hashPassword } = await import("./passwords");
  const created = await store.createStaffUser(
    { name: "Oda Officer", email: "oda@example.com", role: "privacy_officer", passwordHash: await hashPassword(password) },
    { id: 0, email: "seed" },
  );
  user = { id: created.id, email: created.email, name: created.name };
  secret = (await twoFactor.startEnrolment(user, "Northtrail")).secret;
  recovery = (await twoFactor.confirmEnrolment(user, totpCode(secret, Date.now())))!;
});
afterAll(() => {
  vi.useRealTimers();
  temp.cleanup();
});

const actions = async () => (await store.listAuditEntries({ page: 1, pageSize: 200 })).rows.map((r) => `${r.action}:${r.outcome}`);
// Setting it up accepted the current step's code: the next sign-in uses the next step's, still inside the window.
const nextCode = () => totpCode(secret, Date.now() + 30_000);

describe("signing in with two-step verification", () => {
  it("turning it on stored the secret sealed and ten recovery codes, and was audited", async () => {
    const row = await store.getTwoFactor(user.id);
    expect(row?.enabledAt).toBeInstanceOf(Date);
    expect(row?.secret).not.toContain(secret);
    expect(recovery).toHaveLength(10);
    expect(await store.countRecoveryCodesLeft(user.id)).toBe(10);
    expect(await actions()).toContain("staff.two-factor.enable:ok");
  });

  it("the password step asks for a code, and the email and password alone never sign in (the credentials endpoint cannot be called without it)", async () => {
    const step = await signIn.passwordStep({ email: user.email, password });
    expect(step?.needsCode).toBe(true);
    expect(await signIn.authorizeStaff({ email: user.email, password })).toBeNull();
    expect(await signIn.authorizeStaff({ ticket: step!.ticket })).toBeNull();
    expect(await signIn.authorizeStaff({ ticket: step!.ticket, code: "" })).toBeNull();
    expect(await actions()).toContain("auth.sign-in:denied");
  });

  it("a ticket with a right code signs in once; the same code again is refused (no reuse within its window)", async () => {
    const { ticket } = (await signIn.passwordStep({ email: user.email, password }))!;
    // The code that turned the factor on is spent already.
    expect(await signIn.authorizeStaff({ ticket, code: totpCode(secret, Date.now()) })).toBeNull();
    const code = nextCode();
    expect(await signIn.authorizeStaff({ ticket, code })).toMatchObject({ ...user, method: "totp" });
    expect(await signIn.authorizeStaff({ ticket, code })).toBeNull();
  });

  it("a forged or altered ticket is refused whatever the code", async () => {
    const { ticket } = (await signIn.passwordStep({ email: user.email, password }))!;
    const parts = ticket.split(".");
    const forged = [String(user.id + 1), ...parts.slice(1)].join(".");
    expect(await signIn.authorizeStaff({ ticket: forged, code: nextCode() })).toBeNull();
    expect(await signIn.authorizeStaff({ ticket: `${ticket}x`, code: nextCode() })).toBeNull();
  });

  it("a recovery code signs in once, is audited, and is refused the second time", async () => {
    const { ticket } = (await signIn.passwordStep({ email: user.email, password }))!;
    expect(await signIn.authorizeStaff({ ticket, code: recovery[0].toUpperCase() })).toMatchObject({ ...user, method: "recovery" });
    expect(await store.countRecoveryCodesLeft(user.id)).toBe(9);
    expect(await signIn.authorizeStaff({ ticket, code: recovery[0] })).toBeNull();
    expect(await actions()).toContain("staff.two-factor.recovery-code-used:ok");
  });

  it("wrong codes are throttled like passwords: slowed, then locked, and a right code is refused while locked", async () => {
    const { ticket } = (await signIn.passwordStep({ email: user.email, password }))!;
    let locked: unknown = null;
    for (let i = 0; i < 5 && !locked; i++) {
      try {
        expect(await signIn.authorizeStaff({ ticket, code: "000000" })).toBeNull();
      } catch (error) {
        locked = error;
      }
    }
    expect(locked).toBeInstanceOf(signIn.SignInLockedError);
    await expect(signIn.authorizeStaff({ ticket, code: recovery[1] })).rejects.toBeInstanceOf(signIn.SignInLockedError);
    expect(await store.countRecoveryCodesLeft(user.id)).toBe(9);
    expect((await actions()).filter((a) => a === "auth.two-factor:failed").length).toBeGreaterThanOrEqual(4);
  }, 30_000);

  it("after an administrator's reset (audited) the password alone signs in again", async () => {
    const admin = await store.createStaffUser(
      { name: "Ada", email: "ada@example.com", role: "admin", passwordHash: "x" },
      { id: 0, email: "seed" },
    );
    await expect(store.removeTwoFactor(admin.id, admin, "admin-reset")).rejects.toThrow();
    await store.removeTwoFactor(user.id, admin, "admin-reset");
    expect(await store.countRecoveryCodesLeft(user.id)).toBe(0);
    expect(await signIn.authorizeStaff({ email: user.email, password })).toMatchObject({ ...user, method: "password" });
    expect(await actions()).toContain("staff.two-factor.reset:ok");
  });
});
