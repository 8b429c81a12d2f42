import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("staff");
process.env.DATABASE_PATH = temp.file;

type Staff = typeof import("./staff");
type Audit = typeof import("./audit");
let staff: Staff;
let audit: Audit;
const actor = { id: 0, email: "root@example.com" };

beforeAll(async () => {
  staff = await import("./staff");
  audit = await import("./audit");
  const admin = staff.createStaffUser(
    { name: "Admin", email: "admin@example.com", role: "admin", passwordHash: "x" },
    { id: 0, email: "seed" },
  );
  actor.id = admin.id;
  actor.email = admin.email;
});
afterAll(() => temp.cleanup());

const auditActions = () => audit.listAuditEntries({ page: 1, pageSize: 100 }).rows.map((r) => r.action);

describe("staff queries", () => {
  it("creates an account and audits it in the same transaction", () => {
    const before = auditActions().length;
    const u = staff.createStaffUser({ name: "Mo", email: "MO@example.com", role: "marketing", passwordHash: "h" }, actor);
    expect(u.email).toBe("mo@example.com");
    expect(auditActions().length).toBe(before + 1);
    expect(auditActions()[0]).toBe("staff.create");
  });

  it("refuses a duplicate email and writes nothing", () => {
    const before = { users: staff.listStaffUsers().length, audit: auditActions().length };
    expect(() => staff.createStaffUser({ name: "Mo 2", email: "mo@example.com", role: "executive", passwordHash: "h" }, actor)).toThrow(
      staff.DuplicateEmailError,
    );
    expect({ users: staff.listStaffUsers().length, audit: auditActions().length }).toEqual(before);
  });

  it("changes a role and records before and after", () => {
    const mo = staff.getStaffUserByEmail("mo@example.com")!;
    staff.changeStaffRole(mo.id, "executive", actor);
    expect(staff.getStaffUserById(mo.id)!.role).toBe("executive");
    const entry = audit.listAuditEntries({ page: 1, pageSize: 1 }).rows[0];
    expect(entry.action).toBe("staff.change-role");
    expect(JSON.parse(entry.details)).toMatchObject({ from: "marketing", to: "executive" });
  });

  it("deactivates and reactivates a colleague", () => {
    const mo = staff.getStaffUserByEmail("mo@example.com")!;
    expect(staff.setStaffActive(mo.id, false, actor).active).toBe(false);
    expect(staff.getStaffUserById(mo.id)!.deactivatedAt).toBeInstanceOf(Date);
    expect(staff.setStaffActive(mo.id, true, actor).deactivatedAt).toBeNull();
    expect(auditActions().slice(0, 2)).toEqual(["staff.reactivate", "staff.deactivate"]);
  });

  it("drops what waited for a deactivated member's digest in the same change", async () => {
    const { db } = await import("../client");
    const mo = staff.getStaffUserByEmail("mo@example.com")!;
    const add = db.$client.prepare(
      "INSERT INTO staff_notifications (staff_id, event, item_key, delivery, item, created_at) VALUES (?, 'review', ?, ?, '{}', 0)",
    );
    add.run(mo.id, "audit:1", "digest");
    add.run(actor.id, "audit:1", "digest");
    const waiting = (id: number) =>
      (
        db.$client.prepare("SELECT count(*) AS n FROM staff_notifications WHERE staff_id = ? AND outbox_id IS NULL").get(id) as {
          n: number;
        }
      ).n;
    staff.setStaffActive(mo.id, false, actor);
    expect([waiting(mo.id), waiting(actor.id)]).toEqual([0, 1]);
    staff.setStaffActive(mo.id, true, actor);
  });

  it("refuses changes to one's own account", () => {
    expect(() => staff.setStaffActive(actor.id, false, actor)).toThrow(staff.SelfChangeError);
    expect(() => staff.changeStaffRole(actor.id, "marketing", actor)).toThrow(staff.SelfChangeError);
    expect(staff.getStaffUserById(actor.id)!.role).toBe("admin");
  });

  it("refuses an unknown account", () => {
    expect(() => staff.changeStaffRole(99_999, "marketing", actor)).toThrow(staff.NotFoundError);
  });

  it("keeps the audit chain intact through all of it", () => {
    expect(audit.getAuditChainStatus().broken).toBeNull();
  });
});
