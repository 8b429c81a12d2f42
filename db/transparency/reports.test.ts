import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yearPeriod } from "@/lib/transparency/period";
import { createTempDatabase } from "../testing/temp-db";

// The query layer opens the store named by DATABASE_PATH when first imported.
const temp = createTempDatabase("transparency");
process.env.DATABASE_PATH = temp.file;

let reports: typeof import("./reports");
let figures: typeof import("./figures");
let client: typeof import("../client");
const officer = { id: 0, email: "officer@example.com" };
const DAY = 86_400_000;
let refs = 0;

/** A request row as intake and closing leave it (inserted directly: the report reads these columns only). */
function insertRequest(type: string, jurisdiction: string, receivedIso: string, closeAfterDays: number | null, outcome: string | null) {
  const received = Date.parse(receivedIso);
  const status = closeAfterDays === null ? "in_progress" : outcome === "denied" ? "rejected" : "completed";
  client.db.$client
    .prepare(
      `INSERT INTO subject_requests (ref, type, status, jurisdiction, intake, received_at, due_at, closed_at, outcome, denial_reason, created_at)
       VALUES (?, ?, ?, ?, 'email', ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      `R-${++refs}`,
      type,
      status,
      jurisdiction,
      received,
      received + 45 * DAY,
      closeAfterDays === null ? null : received + closeAfterDays * DAY,
      outcome,
      outcome === "denied" ? "not_verifiable" : null,
      received,
    );
}

beforeAll(async () => {
  client = await import("../client");
  reports = await import("./reports");
  figures = await import("./figures");
  const { loadTestCatalog } = await import("../testing/catalog");
  const { ConsentLedger } = await import("../consent/ledger/record");
  loadTestCatalog(client.db);
  const sql = client.db.$client;
  sql
    .prepare(
      `INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins, time_zone)
       VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[]', '[]', 'America/Los_Angeles')`,
    )
    .run();
  officer.id = (
    sql
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
  insertRequest("deletion", "US-CA", "2025-03-03T20:00:00Z", 10, "complied");
  insertRequest("access", "US-CA", "2025-04-03T20:00:00Z", 20, "denied");
  insertRequest("opt_out_sale", "US-CA", "2025-05-03T20:00:00Z", 2, "complied");

  // Opt-outs through consent choices, written through the ledger's one write path.
  const ledger = new ConsentLedger(client.db);
  const choose = (
    email: string,
    jurisdiction: "US-CA" | "EU",
    purpose: string,
    event: "granted" | "withdrawn" | "denied",
    iso: string,
    gpc = false,
  ) =>
    ledger.record([{ subject: { email, jurisdiction, locale: "en" }, purpose, event, source: "preference_center", occurredAt: iso }], {
      gpc,
      now: Date.parse(iso),
    });
  choose("a@example.com", "US-CA", "ad_sharing", "granted", "2025-02-01T12:00:00Z");
  choose("a@example.com", "US-CA", "ad_sharing", "withdrawn", "2025-03-01T12:00:00Z"); // one opt-out
  choose("a@example.com", "US-CA", "ad_sharing", "withdrawn", "2025-03-02T12:00:00Z"); // the same state again: not counted
  choose("b@example.com", "US-CA", "ad_sharing", "denied", "2025-04-01T12:00:00Z", true); // a GPC signal on a first visit: one
  choose("c@example.com", "EU", "ad_sharing", "granted", "2025-02-01T12:00:00Z");
  choose("c@example.com", "EU", "ad_sharing", "withdrawn", "2025-06-01T12:00:00Z"); // counted for all individuals only
  choose("d@example.com", "US-CA", "ad_sharing", "granted", "2024-02-01T12:00:00Z");
  choose("d@example.com", "US-CA", "ad_sharing", "withdrawn", "2024-06-01T12:00:00Z"); // another year
  choose("e@example.com", "US-CA", "newsletter", "granted", "2025-02-01T12:00:00Z");
  choose("e@example.com", "US-CA", "newsletter", "withdrawn", "2025-06-01T12:00:00Z"); // no sale or sharing
  // A completed request's own withdrawal (source "system") is already counted as the request.
  choose("f@example.com", "US-CA", "ad_sharing", "granted", "2025-02-01T12:00:00Z");
  ledger.record([{ subject: { email: "f@example.com" }, purpose: "ad_sharing", event: "withdrawn", occurredAt: "2025-07-01T12:00:00Z" }], {
    gpc: false,
    source: "system",
    toldByRequest: true,
    now: Date.parse("2025-07-01T12:00:00Z"),
  });
});
afterAll(() => temp.cleanup());

describe("opt-outs through consent choices (more in choice-opt-outs.test.ts)", () => {
  it("counts one per person and change of state into a refusal of a sale/sharing purpose, without the requests' own", () => {
    const year = (y: number) => {
      const { start, end } = yearPeriod(y, "America/Los_Angeles");
      return figures.countChoiceOptOuts(client.db, start, end);
    };
    expect(year(2025)).toEqual({ california: 2, all: 3 });
    expect(year(2024)).toEqual({ california: 1, all: 1 });
  });
});

describe("publishing a transparency report", () => {
  it("freezes the figures: a request arriving later changes the live figures, not the published version", async () => {
    const v1 = reports.publishReport({ year: 2025, scope: "california", reason: null }, officer);
    expect(v1.version).toBe(1);
    const optOut = v1.figures.california.find((r) => r.kind === "opt_out")!;
    expect(optOut).toMatchObject({ received: 3, viaChoices: 2, complied: 3 });
    expect(v1.figures.california.find((r) => r.kind === "delete")!.received).toBe(1);

    insertRequest("deletion", "US-CA", "2025-11-03T20:00:00Z", 5, "complied");
    expect(reports.getLiveFigures(2025).california.find((r) => r.kind === "delete")!.received).toBe(2);
    const stored = reports.getReportVersion(2025)!;
    expect(stored.version).toBe(1);
    expect(stored.figures).toEqual(v1.figures);
    expect(stored.figures.california.find((r) => r.kind === "delete")!.received).toBe(1);
  });

  it("refuses to publish a year twice and to change a stored version", () => {
    expect(() => reports.publishReport({ year: 2025, scope: "all", reason: null }, officer)).toThrow(/already-published/);
    expect(() => client.db.$client.prepare("UPDATE transparency_reports SET scope = 'all'").run()).toThrow(/append-only/);
    expect(() => client.db.$client.prepare("DELETE FROM transparency_reports").run()).toThrow(/append-only/);
  });

  it("keeps both versions after a correction, the new one with its reason and today's figures, and audits both", () => {
    expect(() => reports.publishReport({ year: 2024, scope: "all", reason: "x" }, officer)).toThrow(/not-published/);
    const v2 = reports.publishReport({ year: 2025, scope: "all", reason: "A deletion received in November was missing." }, officer);
    expect(v2.version).toBe(2);
    const versions = reports.listReportVersions(2025);
    expect(versions.map((v) => [v.version, v.reason, v.scope])).toEqual([
      [2, "A deletion received in November was missing.", "all"],
      [1, null, "california"],
    ]);
    expect(versions[0].figures.california.find((r) => r.kind === "delete")!.received).toBe(2);
    expect(versions[1].figures.california.find((r) => r.kind === "delete")!.received).toBe(1);
    expect(reports.getReportVersion(2025, 1)!.scope).toBe("california");
    expect(versions[0].publishedByName).toBe("Officer");
    const audit = client.db.$client
      .prepare("SELECT action, target_id AS targetId FROM audit_log WHERE target_type = 'transparency_report' ORDER BY id")
      .all();
    expect(audit).toEqual([
      { action: "transparency.publish", targetId: "2025/v1" },
      { action: "transparency.correct", targetId: "2025/v2" },
    ]);
    expect(reports.hasPublishedReport()).toBe(true);
  });
});
