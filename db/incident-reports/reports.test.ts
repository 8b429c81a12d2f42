import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftInput, formatIn, wordsIn } from "@/lib/incidents/drafts/fixture";
import { buildDraft } from "@/lib/incidents/drafts";
import { createTempDatabase } from "../testing/temp-db";

// The reports tab's write paths: the officer's fields and a report marked sent, each with its timeline step and audit entry.
const temp = createTempDatabase("incident-reports");
process.env.DATABASE_PATH = temp.file;

let reports: typeof import("./reports");
let client: typeof import("../client");
let incidentId = 0;
const actor = { id: 0, email: "officer@brand.example" };
const draft = buildDraft("gdpr_authority", draftInput(), wordsIn("en"), formatIn("en", "Europe/Dublin"));

beforeAll(async () => {
  client = await import("../client");
  reports = await import("./reports");
  const c = client.db.$client;
  actor.id = Number(
    c
      .prepare("INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Officer', 'privacy_officer', 'x', 0)")
      .run(actor.email).lastInsertRowid,
  );
  incidentId = Number(
    c
      .prepare(
        `INSERT INTO incidents (reference, title, certainty, drill, status, aware_at, natures, cause, data_categories, data_facts, risk, risk_reason, created_by, created_at, updated_at)
         VALUES ('INC-2026-0001', 'Skimmer', 'confirmed', 0, 'open', ?, '["confidentiality"]', 'skimming', '["payment"]', '[]', 'high_risk', 'Cards', ?, 0, 0)`,
      )
      .run(Date.UTC(2026, 2, 6, 14, 30), actor.id).lastInsertRowid,
  );
});
afterAll(() => {
  client.db.$client.close();
  temp.cleanup();
});

const rows = (sql: string, ...args: unknown[]) => client.db.$client.prepare(sql).all(...args) as Record<string, unknown>[];

describe("the report fields", () => {
  it("saves them with the changed fields named on the timeline and in the audit log, and an unchanged save writes nothing", () => {
    expect(reports.saveReportAdditions(incidentId, { peopleCanDo: "Replace your card" }, actor).changed).toEqual(["peopleCanDo"]);
    const second = reports.saveReportAdditions(incidentId, { peopleCanDo: "Replace your card", harmContact: "Desk" }, actor);
    expect(second.changed).toEqual(["harmContact"]);
    expect(reports.saveReportAdditions(incidentId, { peopleCanDo: "Replace your card", harmContact: "Desk" }, actor).changed).toEqual([]);
    expect(reports.getReportAdditions(incidentId)).toEqual({ peopleCanDo: "Replace your card", harmContact: "Desk" });
    expect(rows("SELECT kind FROM incident_events WHERE incident_id = ? AND kind = 'report_drafted'", incidentId)).toHaveLength(2);
    expect(rows("SELECT action FROM audit_log WHERE action = 'incident.report-drafted'")).toHaveLength(2);
  });

  it("refuses an incident that does not exist and writes nothing", () => {
    expect(() => reports.saveReportAdditions(999, { peopleCanDo: "x" }, actor)).toThrow("incident not found");
    expect(rows("SELECT * FROM incident_report_fields WHERE incident_id = 999")).toEqual([]);
  });
});

describe("marking a report sent", () => {
  it("numbers each duty's reports in turn, keeps the draft as sent, and records the step on the timeline and in the audit log", () => {
    const base = { incidentId, channel: "portal" as const, receipt: null, note: null, locale: "en", content: draft };
    const first = reports.markReportSent(
      { ...base, duty: "gdpr_authority", sentAt: new Date("2026-03-07T09:00:00Z"), receipt: "DPC-1" },
      actor,
    );
    const pipa = reports.markReportSent({ ...base, duty: "pipa_authority", sentAt: new Date("2026-03-07T10:00:00Z") }, actor);
    const phase = reports.markReportSent(
      { ...base, duty: "gdpr_authority", sentAt: new Date("2026-03-12T09:00:00Z"), channel: "email" },
      actor,
    );
    expect([first.sequence, pipa.sequence, phase.sequence]).toEqual([1, 1, 2]);
    const listed = reports.listIncidentFilings(incidentId);
    expect(listed.map((f) => `${f.duty}#${f.sequence}:${f.channel}`)).toEqual([
      "gdpr_authority#1:portal",
      "pipa_authority#1:portal",
      "gdpr_authority#2:email",
    ]);
    expect(listed[0].content.title).toBe(draft.title);
    expect(listed[0].recordedByName).toBe("Officer");
    const events = rows("SELECT details FROM incident_events WHERE incident_id = ? AND kind = 'report_sent' ORDER BY id", incidentId);
    expect(events.map((e) => JSON.parse(String(e.details)).sequence)).toEqual([1, 1, 2]);
    const audit = rows("SELECT details FROM audit_log WHERE action = 'incident.report-sent' ORDER BY id");
    expect(JSON.parse(String(audit[0].details))).toMatchObject({
      reference: "INC-2026-0001",
      duty: "gdpr_authority",
      channel: "portal",
      receipt: "DPC-1",
    });
  });
});
