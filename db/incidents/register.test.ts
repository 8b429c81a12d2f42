import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerIncidentSchema, type RegisterIncidentInput } from "@/lib/incidents/incident";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("incidents");
process.env.DATABASE_PATH = temp.file;

let client: typeof import("../client");
let reg: typeof import("./register");
let reads: typeof import("./incidents");
const officer = { id: 0, email: "officer@example.com" };
const seoul = { timeZone: "Asia/Seoul" };
let purposeId = 0;

const input = (over: Record<string, unknown> = {}): RegisterIncidentInput => {
  const r = registerIncidentSchema({ now: new Date("2026-12-31T20:00:00Z"), timeZone: "Asia/Seoul" }).safeParse({
    title: "Support mailbox phishing",
    certainty: "confirmed",
    awareAt: "2026-12-04T23:30",
    natures: ["confidentiality"],
    cause: "external_attack",
    dataCategories: ["contact"],
    dataFacts: ["account_credentials"],
    purposeIds: [String(purposeId)],
    risk: "high_risk",
    riskReason: "Passwords were read",
    ...over,
  });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};

const audit = () =>
  client.db.$client.prepare("SELECT action, target_type AS type, target_id AS target, details FROM audit_log ORDER BY id").all() as {
    action: string;
    type: string;
    target: string;
    details: string;
  }[];

beforeAll(async () => {
  client = await import("../client");
  reg = await import("./register");
  reads = await import("./incidents");
  const sql = client.db.$client;
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
  purposeId = (
    sql
      .prepare(
        `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, channels, benefit, status, created_at)
         VALUES ('newsletter', 'Newsletter', 'd', 'consent', '["contact"]', 365, '["email"]', 'b', 'active', 0) RETURNING id`,
      )
      .get() as { id: number }
  ).id;
});

afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

describe("the breach register", () => {
  it("numbers incidents within the brand's year and records the first step and the audit entry in one go", () => {
    // 31 Dec 15:30 UTC is already 1 January 2027 in Seoul.
    const a = reg.createIncident(input(), officer, seoul, new Date("2026-12-30T10:00:00Z"));
    const b = reg.createIncident(input({ drill: "on" }), officer, seoul, new Date("2026-12-31T15:30:00Z"));
    const c = reg.createIncident(input(), officer, seoul, new Date("2026-12-31T16:00:00Z"));
    expect([a.reference, b.reference, c.reference]).toEqual(["INC-2026-0001", "INC-2027-0001", "INC-2027-0002"]);
    expect(reads.getIncident(a.id)?.incident.purposeIds).toEqual([purposeId]);
    expect(reads.listIncidentTimeline(a.id).map((e) => [e.kind, e.actorName])).toEqual([["recorded", "Officer"]]);
    const entry = audit().find((e) => e.action === "incident.recorded" && e.target === String(b.id))!;
    expect(entry.type).toBe("incident");
    expect(JSON.parse(entry.details)).toMatchObject({ reference: "INC-2027-0001", drill: true });
  });

  it("names the changed fields of an edit on the timeline and in the audit log, and writes nothing for an edit that changes nothing", () => {
    const i = reg.createIncident(input(), officer, seoul);
    expect(reg.updateIncident(i.id, input(), officer).changed).toEqual([]);
    expect(
      reg.updateIncident(i.id, input({ risk: "risk", purposeIds: [], containment: "Mailbox password reset" }), officer).changed,
    ).toEqual(["purposeIds", "containment", "risk"]);
    expect(reads.getIncident(i.id)?.incident).toMatchObject({ risk: "risk", containment: "Mailbox password reset", purposeIds: [] });
    const steps = reads.listIncidentTimeline(i.id);
    expect(steps.map((e) => e.kind)).toEqual(["recorded", "edited"]);
    expect(steps[1].details).toEqual({ fields: ["purposeIds", "containment", "risk"] });
    expect(audit().filter((e) => e.action === "incident.edited" && e.target === String(i.id))).toHaveLength(1);
  });

  it("closes and reopens with a note, refuses an edit while closed and a second close", () => {
    const i = reg.createIncident(input(), officer, seoul);
    reg.setIncidentStatus(i.id, "closed", "Handled; no report needed", officer);
    expect(reads.getIncident(i.id)?.incident.closedAt).toBeInstanceOf(Date);
    expect(() => reg.updateIncident(i.id, input({ title: "Changed" }), officer)).toThrow("incident-closed");
    expect(() => reg.setIncidentStatus(i.id, "closed", null, officer)).toThrow("incident-closed");
    reg.setIncidentStatus(i.id, "open", null, officer);
    expect(reads.getIncident(i.id)?.incident).toMatchObject({ status: "open", closedAt: null });
    expect(reads.listIncidentTimeline(i.id).map((e) => e.kind)).toEqual(["recorded", "closed", "reopened"]);
    const actions = audit()
      .filter((e) => e.target === String(i.id))
      .map((e) => e.action);
    expect(actions).toEqual(["incident.recorded", "incident.closed", "incident.reopened"]);
  });

  it("refuses an unknown purpose or recipient without writing anything", () => {
    const before = reads.listIncidents().length;
    expect(() => reg.createIncident(input({ purposeIds: ["9999"] }), officer, seoul)).toThrow("unknown-purpose");
    expect(() => reg.createIncident(input({ recipientIds: ["9999"] }), officer, seoul)).toThrow("unknown-recipient");
    expect(reads.listIncidents()).toHaveLength(before);
  });

  it("lists the register by status and drill, newest awareness first, and counts it", () => {
    const drills = reads.listIncidents({ drill: true });
    expect(drills.every((i) => i.drill)).toBe(true);
    expect(drills.length).toBe(1);
    expect(reads.listIncidents({ status: "closed" })).toEqual([]);
    const total = reads.countIncidents().reduce((n, c) => n + c.count, 0);
    expect(total).toBe(reads.listIncidents().length);
  });
});
