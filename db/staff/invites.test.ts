import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";
import { linkTokenHash, newLinkToken } from "@/lib/auth/link-token";
import { sealedLinkMarker } from "@/lib/outbox/sealed-links";

const temp = createTempDatabase("invites");
process.env.DATABASE_PATH = temp.file;

let invites: typeof import("./invites");
let staff: typeof import("./staff");
let client: typeof import("../client");
let admin: { id: number; email: string };
const HOUR = 3_600_000;

beforeAll(async () => {
  staff = await import("./staff");
  invites = await import("./invites");
  client = await import("../client");
  const a = staff.createStaffUser({ name: "Ada", email: "ada@example.com", role: "admin", passwordHash: "x" }, { id: 0, email: "seed" });
  admin = { id: a.id, email: a.email };
});
afterAll(() => temp.cleanup());

const mail = () => ({ subjectLine: "Invited", body: `Open ${sealedLinkMarker("v1.sealed.text.here")}` });
const invite = (email: string, expiresAt = new Date(Date.now() + 72 * HOUR)) => {
  const { token, hash } = newLinkToken();
  const row = invites.createInvite({ email, name: "Nia", role: "privacy_officer", locale: "ko", tokenHash: hash, expiresAt }, mail, admin);
  return { token, row };
};
const sql = <T>(q: string, ...args: unknown[]) => client.db.$client.prepare(q).all(...args) as T[];

describe("staff invitations", () => {
  it("stores only the token's hash, queues the mail in the invitee's language with the link sealed, and audits, together", () => {
    const { token, row } = invite("Nia@Example.com");
    expect(row.email).toBe("nia@example.com");
    expect(row.tokenHash).toBe(linkTokenHash(token));
    const dump = JSON.stringify(sql("SELECT * FROM staff_invites")) + JSON.stringify(sql("SELECT * FROM outbox"));
    expect(dump).not.toContain(token);
    const [m] = sql<{ kind: string; locale: string; to_address: string; body: string }>(
      "SELECT * FROM outbox WHERE to_address = 'nia@example.com'",
    );
    expect(m).toMatchObject({ kind: "staff-invite", locale: "ko" });
    expect(m.body).toContain("⟦sealed:");
    expect(sql<{ action: string }>("SELECT action FROM audit_log").map((r) => r.action)).toContain("staff.invite");
  });

  it("refuses a second invitation to an address with one waiting, or with an account, and writes nothing", () => {
    const before = sql("SELECT id FROM outbox").length;
    expect(() => invite("nia@example.com")).toThrow(/invite-pending/);
    expect(() => invite("ada@example.com")).toThrow(staff.DuplicateEmailError);
    expect(sql("SELECT id FROM outbox").length).toBe(before);
  });

  it("a link creates the account once with the invitation's name, role and language; a second use creates nothing", () => {
    const { token } = invite("kai@example.com");
    expect(invites.findInviteByToken(linkTokenHash(token)).state).toBe("valid");
    const user = invites.acceptInvite(linkTokenHash(token), "hash-of-their-password");
    expect(user).toMatchObject({ email: "kai@example.com", role: "privacy_officer", locale: "ko", passwordHash: "hash-of-their-password" });
    expect(invites.findInviteByToken(linkTokenHash(token)).state).toBe("used");
    expect(() => invites.acceptInvite(linkTokenHash(token), "another")).toThrow(/invite-used/);
    expect(sql("SELECT id FROM staff_users WHERE email = 'kai@example.com'")).toHaveLength(1);
    expect(invites.listPendingInvites().map((i) => i.email)).not.toContain("kai@example.com");
  });

  it("an expired, withdrawn or unknown link is refused", () => {
    const old = invite("old@example.com", new Date(Date.now() - 1));
    expect(invites.findInviteByToken(linkTokenHash(old.token)).state).toBe("expired");
    expect(() => invites.acceptInvite(linkTokenHash(old.token), "h")).toThrow(/invite-expired/);
    const gone = invite("gone@example.com");
    invites.revokeInvite(gone.row.id, admin);
    expect(() => invites.acceptInvite(linkTokenHash(gone.token), "h")).toThrow(/invite-revoked/);
    expect(() => invites.revokeInvite(gone.row.id, admin)).toThrow(/invite-closed/);
    expect(invites.findInviteByToken(linkTokenHash(newLinkToken().token)).state).toBe("unknown");
    expect(sql("SELECT id FROM staff_users WHERE email IN ('old@example.com', 'gone@example.com')")).toHaveLength(0);
  });

  it("sending again gives a new link and expiry, mails it, and the earlier link stops working", () => {
    const first = invite("late@example.com", new Date(Date.now() - 1));
    const next = newLinkToken();
    const again = invites.resendInvite(first.row.id, { tokenHash: next.hash, expiresAt: new Date(Date.now() + 72 * HOUR) }, mail, admin);
    expect(again.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(invites.findInviteByToken(linkTokenHash(first.token)).state).toBe("unknown");
    expect(invites.findInviteByToken(next.hash).state).toBe("valid");
    expect(sql("SELECT id FROM outbox WHERE to_address = 'late@example.com'")).toHaveLength(2);
    const actions = sql<{ action: string }>("SELECT action FROM audit_log").map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["staff.invite-resend", "staff.invite-revoke", "staff.invite-accept"]));
  });
});
