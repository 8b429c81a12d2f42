import { describe, expect, it } from "vitest";
import { registerIncidentSchema } from "@/lib/incidents/incident";
import * as errors from "@/lib/errors";
import { ConflictError, DuplicateError, NoticesMissingError, NotFoundError, PolicyIncompleteError } from "@/lib/errors";
import type { PurposeFieldsInput } from "@/lib/purposes/schemas";
import type { Db } from "../connection";
import { writerOnTempStore } from "../testing/writer-thread";

// The review, data-map, incident and transparency writes moved to the writer thread (issue 22) as the server runs
// them: through a real thread on its own connection, their results back as plain data (dates still dates) and their
// refusals as the typed errors the forms catch.
const marketer = { id: 0, email: "marketer@example.com" };
const officer = { id: 0, email: "officer@example.com" };

function seed(db: Db): void {
  const sql = db.$client;
  sql
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins) VALUES (1, 'Northtrail', 'N Ltd', 'Dublin', 'c@x', 'd@x', 'https://x', '[\"en\",\"ko\",\"ja\"]', '[]')",
    )
    .run();
  for (const [who, role] of [
    [marketer, "marketing"],
    [officer, "privacy_officer"],
  ] as const)
    who.id = (
      sql
        .prepare("INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'x', 0) RETURNING id")
        .get(who.email, who.email, role) as { id: number }
    ).id;
  sql.prepare("INSERT INTO subjects (uid, email, jurisdiction, locale, created_at) VALUES ('sub_1', 'a@example.com', 'KR', 'ko', 0)").run();
}
const store = writerOnTempStore("writer-part2", seed);

const fields = (jurisdictions: PurposeFieldsInput["jurisdictions"]): PurposeFieldsInput => ({
  name: "Trail tips",
  description: "Emailing trail tips.",
  legalBasis: "consent",
  dataCategories: ["contact"],
  retentionDays: 400,
  validityDays: null,
  saleOrSharing: false,
  sensitive: false,
  sensitiveBeyondPermitted: false,
  channels: ["email"],
  jurisdictions,
  benefit: "Route ideas",
  recipientIds: [],
});

/** What the writer answered: the value, or the error it was refused with. */
const outcome = (name: string, ...args: unknown[]) =>
  store.writer.call(name, args).then(
    (value) => ({ value, error: undefined }),
    (error: Error) => ({ value: undefined, error }),
  );

describe("the writes of purposes, notices, policy, data map, incidents and transparency on the writer thread", () => {
  it("creates and reviews a purpose, answering a taken key and a missing notice with their typed errors", async () => {
    const created = (await store.writer.call("purposes.createPurpose", [{ ...fields(["KR"]), key: "trail_tips" }, marketer])) as {
      id: number;
      createdAt: Date;
    };
    expect(created.createdAt).toBeInstanceOf(Date);
    const [again, submitted] = await Promise.all([
      outcome("purposes.createPurpose", { ...fields(["KR"]), key: "trail_tips" }, marketer),
      outcome("purposes.submitPurpose", created.id, marketer, { baseUrl: "https://trust.example" }),
    ]);
    expect(again.error).toBeInstanceOf(DuplicateError);
    expect((again.error as DuplicateError).field).toBe("key");
    expect(submitted.error).toBeUndefined();
    const approve = await outcome("purposes.approvePurpose", created.id, officer);
    expect(approve.error).toBeInstanceOf(NoticesMissingError);
    expect(approve.error).toBeInstanceOf(ConflictError);
    expect((approve.error as NoticesMissingError).locales).toEqual(["ko"]);
    // The refused approval undid nothing else; the submission is in the store, seen from another connection.
    expect(store.db.$client.prepare("SELECT status FROM purposes WHERE id = ?").pluck().get(created.id)).toBe("in_review");

    const text = { title: "Tips", shortLayer: {}, fullText: "Full.", material: false, changeSummary: null };
    const draft = (await store.writer.call("notices.saveNoticeDraft", [{ purposeId: created.id, locale: "ko" }, text, marketer])) as {
      id: number;
      version: number;
    };
    expect(draft.version).toBe(1);
    const open = await outcome("notices.saveNoticeDraft", { purposeId: created.id, locale: "ko" }, text, marketer);
    expect(open.error).toBeInstanceOf(ConflictError);
    expect((open.error as ConflictError).code).toBe("draft-exists");
  }, 30_000);

  it("refuses a policy version's review naming each missing item, and saves the data map's fields", async () => {
    const v = (await store.writer.call("policy.generatePolicyDraft", [{ sections: [] }, officer])) as { id: number; generatedAt: Date };
    expect(v.generatedAt).toBeInstanceOf(Date);
    const refused = await outcome("policy.submitPolicyVersion", v.id, ["KR.officer", "JP.complaints"], officer);
    expect(refused.error).toBeInstanceOf(PolicyIncompleteError);
    expect((refused.error as PolicyIncompleteError).items).toEqual(["KR.officer", "JP.complaints"]);
    expect((await outcome("policy.submitPolicyVersion", v.id, [], officer)).error).toBeUndefined();

    const missing = await outcome("data-map.savePurposeRecord", { purposeId: 9_999 }, officer);
    expect(missing.error).toBeInstanceOf(NotFoundError);
    expect((missing.error as NotFoundError).what).toBe("purpose");
  });

  it("records an incident, its affected people and a report, refusing a second close", async () => {
    const parsed = registerIncidentSchema({ now: new Date("2026-12-31T20:00:00Z"), timeZone: "Asia/Seoul" }).safeParse({
      title: "Support mailbox phishing",
      certainty: "confirmed",
      awareAt: "2026-12-04T23:30",
      natures: ["confidentiality"],
      cause: "external_attack",
      dataCategories: ["contact"],
      dataFacts: ["account_credentials"],
      purposeIds: [],
      risk: "high_risk",
      riskReason: "Passwords were read",
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    const incident = (await store.writer.call("incidents.createIncident", [parsed.data, officer, { timeZone: "Asia/Seoul" }])) as {
      id: number;
      reference: string;
      awareAt: Date;
    };
    expect(incident.reference).toMatch(/^INC-\d{4}-0001$/);
    expect(incident.awareAt).toBeInstanceOf(Date);
    const subjectId = store.db.$client.prepare("SELECT id FROM subjects WHERE uid = 'sub_1'").pluck().get() as number;
    const counts = { EU: 0, UK: 0, "US-CA": 0, KR: 1, JP: 0 };
    const applied = await store.writer.call("incident-affected.applySelection", [
      {
        incidentId: incident.id,
        source: "list",
        mode: "replace",
        criteria: null,
        list: { read: 1, duplicates: 0, invalid: 0, unknown: 0, invalidEntries: [], unknownEntries: [] },
        people: [{ subjectId, jurisdiction: "KR", locale: "ko", hasEmail: true, hasPhone: false }],
        counts,
        durationMs: 3,
      },
      officer,
    ]);
    expect(applied).toMatchObject({ affected: 1 });
    expect(
      (await store.writer.call("incident-reports.saveReportAdditions", [incident.id, { delayReasons: "Weekend" }, officer])) as object,
    ).toEqual({
      changed: ["delayReasons"],
    });
    await store.writer.call("incidents.setIncidentStatus", [incident.id, "closed", "Handled", officer]);
    const again = await outcome("incidents.setIncidentStatus", incident.id, "closed", null, officer);
    expect(again.error).toBeInstanceOf(ConflictError);
    expect((again.error as ConflictError).code).toBe("incident-closed");
    const steps = store.db.$client.prepare("SELECT kind FROM incident_events WHERE incident_id = ? ORDER BY id").pluck().all(incident.id);
    expect(steps).toEqual(["recorded", "affected_selected", "report_drafted", "closed"]);
  });

  it("stores a transparency report's figures once, and refuses publishing the year again without a reason", async () => {
    const figures = {
      year: 2025,
      timeZone: "UTC",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      california: [],
      all: [],
      regimes: [],
    };
    const input = { year: 2025, scope: "california", reason: null };
    const row = (await store.writer.call("transparency.storeReport", [input, figures, officer])) as { version: number; figures: unknown };
    expect(row).toMatchObject({ version: 1, figures });
    const again = await outcome("transparency.storeReport", input, figures, officer);
    expect(again.error).toBeInstanceOf(ConflictError);
    expect((again.error as ConflictError).code).toBe("already-published");
  });
});

describe("the typed errors the writer rebuilds", () => {
  it("each set the name they are exported under, which the writer finds them by in a minified build", () => {
    const classes = Object.entries(errors).filter(([, value]) => typeof value === "function");
    expect(classes.length).toBeGreaterThan(8);
    for (const [exported, Class] of classes) expect(new (Class as new (arg: unknown) => Error)([]).name, exported).toBe(exported);
  });
});
