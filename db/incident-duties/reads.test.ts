import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { createTempDatabase } from "../testing/temp-db";
import { auditLog, brandSettings, incidents, staffUsers, subjects } from "../schema";
import { incidentAffected, incidentSelections } from "../schema/incident-affected";
import { incidentFilings } from "../schema/incident-filings";
import { incidentNoticeBatches, incidentNotices } from "../schema/incident-notices";
import { getIncidentDuties, listOpenIncidentClocks, listRecordedDuties, readDutyInputs } from "./reads";
import { setAppiBreachTarget } from "./settings";

const temp = createTempDatabase("incident-duties");
const db = openDatabase(temp.file);
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const at = (s: string) => new Date(s);
db.insert(brandSettings)
  .values({
    id: 1,
    name: "Brand",
    legalName: "Brand Ltd",
    address: "1 Street",
    contactEmail: "hi@brand.example",
    dpoEmail: "dpo@brand.example",
    websiteUrl: "https://brand.example",
    timeZone: "Asia/Seoul",
    enabledLocales: ["en", "ko"],
    allowedOrigins: [],
  })
  .run();
const officer = db
  .insert(staffUsers)
  .values({ email: "po@brand.example", name: "PO", role: "privacy_officer", passwordHash: "x" })
  .returning()
  .get();

function incident(reference: string, over: Partial<typeof incidents.$inferInsert> = {}) {
  return db
    .insert(incidents)
    .values({
      reference,
      title: `Incident ${reference}`,
      certainty: "confirmed",
      awareAt: at("2026-06-05T14:30:00Z"),
      occurredFrom: at("2026-06-05T01:00:00Z"),
      natures: ["confidentiality"],
      cause: "external_attack",
      dataCategories: ["contact"],
      dataFacts: [],
      containment: "Access revoked",
      risk: "high_risk",
      riskReason: "Emails and order history exposed",
      createdById: officer.id,
      updatedAt: at("2026-06-05T15:00:00Z"),
      ...over,
    })
    .returning()
    .get();
}

let n = 0;
/** Affected people of an incident: `count` in a jurisdiction, the first `noEmail` of them without an address. */
function affect(incidentId: number, jurisdiction: string, count: number, noEmail = 0) {
  const selection = db
    .insert(incidentSelections)
    .values({
      incidentId,
      source: "criteria",
      mode: "add",
      counts: {},
      found: count,
      affectedAfter: count,
      durationMs: 1,
      createdById: officer.id,
    } as typeof incidentSelections.$inferInsert)
    .returning()
    .get();
  const ids: number[] = [];
  for (let k = 0; k < count; k++) {
    const s = db
      .insert(subjects)
      .values({ uid: `u${++n}`, jurisdiction, locale: jurisdiction === "KR" ? "ko" : "en" })
      .returning()
      .get();
    ids.push(s.id);
    db.insert(incidentAffected)
      .values({
        incidentId,
        subjectId: s.id,
        selectionId: selection.id,
        jurisdiction,
        locale: "en",
        hasEmail: k >= noEmail,
        hasPhone: false,
      })
      .run();
  }
  return ids;
}

const attack = incident("INC-2026-0001");
const kr = affect(attack.id, "KR", 3, 1);
affect(attack.id, "EU", 2);
const drill = incident("INC-2026-0002", { drill: true, awareAt: at("2026-06-03T12:00:00Z") });
affect(drill.id, "EU", 1);
const quiet = incident("INC-2026-0003", { risk: "none_likely", cause: "misdelivery", awareAt: at("2026-06-06T00:00:00Z") });
incident("INC-2026-0004", { status: "closed", awareAt: at("2026-05-01T00:00:00Z") });

const now = at("2026-06-07T00:00:00Z");

describe("the duties' inputs from the store", () => {
  it("counts affected people per jurisdiction and those with no email to write to", () => {
    const inputs = readDutyInputs(db, [attack.id, quiet.id]);
    expect(inputs.get(attack.id)).toMatchObject({ affected: { KR: 3, EU: 2 }, withoutContact: { KR: 1, EU: 0 }, filings: [] });
    expect(inputs.get(quiet.id)).toEqual({ affected: {}, withoutContact: {}, filings: [] });
  });

  it("reads reports marked sent and finished notice batches as filings, a batch per duty of the jurisdictions it told", () => {
    db.insert(incidentFilings)
      .values({
        incidentId: attack.id,
        duty: "pipa_authority",
        sequence: 1,
        sentAt: at("2026-06-06T01:00:00Z"),
        channel: "portal",
        note: null,
        locale: "ko",
        content: {} as never,
        recordedById: officer.id,
      })
      .run();
    const batch = db
      .insert(incidentNoticeBatches)
      .values({
        incidentId: attack.id,
        status: "sent",
        drill: false,
        jurisdictions: ["KR"],
        people: 3,
        withoutContact: 1,
        messages: {},
        requestedById: officer.id,
        requestedAt: at("2026-06-06T02:00:00Z"),
        finishedAt: at("2026-06-06T03:00:00Z"),
      })
      .returning()
      .get();
    for (const [k, subjectId] of kr.entries())
      db.insert(incidentNotices)
        .values({ batchId: batch.id, subjectId, jurisdiction: "KR", locale: "ko", channel: k === 0 ? "public" : "email" })
        .run();
    const filings = readDutyInputs(db, [attack.id]).get(attack.id)!.filings;
    expect(filings).toEqual([
      { duty: "pipa_authority", sentAt: at("2026-06-06T01:00:00Z"), note: null },
      { duty: "pipa_people", sentAt: at("2026-06-06T03:00:00Z"), people: 3 },
    ]);
  });
});

describe("an incident's duties", () => {
  it("computes them in the brand's zone with its APPI target, met where the store says so", () => {
    const found = getIncidentDuties(db, attack.id, now)!;
    expect(found.brand).toEqual({ timeZone: "Asia/Seoul", appiPreliminaryDays: 3 });
    const by = Object.fromEntries(found.duties.map((d) => [d.kind, d]));
    expect(by.pipa_people).toMatchObject({ status: "met", people: 3 });
    expect(by.pipa_people.why).toContain("contacts_missing");
    expect(by.pipa_authority).toMatchObject({ status: "met", why: ["people_in_scope", "below_1000", "outside_access"] });
    expect(by.gdpr_authority).toMatchObject({ status: "open", due: { kind: "by", at: at("2026-06-08T14:30:00Z") } });
    expect(by.appi_final.status).toBe("not_applicable");
    expect(getIncidentDuties(db, 9999, now)).toBeUndefined();
  });

  it("follows the brand's APPI target once it is set, and audits the change", () => {
    setAppiBreachTarget(db, 5, { id: officer.id, email: officer.email });
    expect(getIncidentDuties(db, attack.id, now)!.brand.appiPreliminaryDays).toBe(5);
    const audit = db.select().from(auditLog).all().at(-1)!;
    expect(audit.action).toBe("settings.appi-breach-target");
    expect(JSON.parse(String(audit.details))).toEqual({ before: 3, after: 5 });
    setAppiBreachTarget(db, 3, { id: officer.id, email: officer.email });
  });
});

describe("open incidents and the duties the trust dashboard counts", () => {
  it("lists open incidents nearest clock first, closed ones left out, with counts and no person", () => {
    const rows = listOpenIncidentClocks(db, now);
    expect(rows.map((r) => r.reference)).toEqual(["INC-2026-0002", "INC-2026-0001", "INC-2026-0003"]);
    expect(rows[0]).toMatchObject({ drill: true, overdue: 2, affected: 1, nearest: { kind: "gdpr_authority", status: "overdue" } });
    expect(rows[1]).toMatchObject({ affected: 5, nearest: { kind: "gdpr_authority", at: at("2026-06-08T14:30:00Z") } });
    // Nothing selected and unlikely to result in a risk: only clocks that do not turn on the risk still run.
    expect(rows[2].nearest?.status).toBe("undetermined");
    expect(Object.keys(rows[0]).sort()).toEqual([
      "affected",
      "applying",
      "awareAt",
      "drill",
      "id",
      "nearest",
      "overdue",
      "reference",
      "title",
    ]);
  });

  it("leaves drills out of the duties the score counts", () => {
    const recorded = listRecordedDuties(db, now);
    expect(recorded).toHaveLength(3);
    expect(recorded.every((r) => !r.drill)).toBe(true);
  });
});
