import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";

// The trust score's breach indicator from the store: duties that fell due in the period, met on time or not, drills
// left out, narrowed by the jurisdiction filter (issue 21, deliverable 6).
const temp = createTempDatabase("dashboards-breach");
process.env.DATABASE_PATH = temp.file;

const at = (s: string) => new Date(s);
const now = at("2026-06-30T12:00:00Z").getTime();
const june = { from: "2026-06-01", to: "2026-06-30" };
let trust: typeof import("./trust");

beforeAll(async () => {
  const { db } = await import("../client");
  const schema = await import("../schema");
  const { incidentAffected, incidentSelections } = await import("../schema/incident-affected");
  const { incidentFilings } = await import("../schema/incident-filings");
  trust = await import("./trust");
  db.insert(schema.brandSettings)
    .values({
      id: 1,
      name: "Brand",
      legalName: "Brand Ltd",
      address: "1 Street",
      contactEmail: "hi@brand.example",
      dpoEmail: "dpo@brand.example",
      websiteUrl: "https://brand.example",
      timeZone: "UTC",
      enabledLocales: ["en"],
      allowedOrigins: [],
    })
    .run();
  const officer = db
    .insert(schema.staffUsers)
    .values({ email: "po@brand.example", name: "PO", role: "privacy_officer", passwordHash: "x" })
    .returning()
    .get();
  let n = 0;
  const incident = (reference: string, awareAt: string, jurisdiction: string, people: number, drill = false) => {
    const row = db
      .insert(schema.incidents)
      .values({
        reference,
        title: reference,
        certainty: "confirmed",
        drill,
        awareAt: at(awareAt),
        occurredFrom: at(awareAt),
        natures: ["confidentiality"],
        cause: "misdelivery",
        dataCategories: ["contact"],
        dataFacts: [],
        containment: "Recalled",
        risk: "risk",
        riskReason: "Contact details sent to the wrong customer",
        createdById: officer.id,
        updatedAt: at(awareAt),
      })
      .returning()
      .get();
    const selection = db
      .insert(incidentSelections)
      .values({
        incidentId: row.id,
        source: "criteria",
        mode: "add",
        counts: { [jurisdiction]: people },
        found: people,
        affectedAfter: people,
        durationMs: 1,
        createdById: officer.id,
      } as typeof incidentSelections.$inferInsert)
      .returning()
      .get();
    for (let k = 0; k < people; k++) {
      const s = db
        .insert(schema.subjects)
        .values({ uid: `s${++n}`, jurisdiction, locale: "en" })
        .returning()
        .get();
      db.insert(incidentAffected)
        .values({
          incidentId: row.id,
          subjectId: s.id,
          selectionId: selection.id,
          jurisdiction,
          locale: "en",
          hasEmail: true,
          hasPhone: false,
        })
        .run();
    }
    return row;
  };
  // EU: the authority told within the 72 hours (due 13 June): met on time.
  const eu = incident("INC-2026-0001", "2026-06-10T00:00:00Z", "EU", 2);
  db.insert(incidentFilings)
    .values({
      incidentId: eu.id,
      duty: "gdpr_authority",
      sequence: 1,
      sentAt: at("2026-06-12T09:00:00Z"),
      channel: "portal",
      locale: "en",
      content: {} as never,
      recordedById: officer.id,
    })
    .run();
  // Korea: the people never told (due 18 June): overdue.
  incident("INC-2026-0002", "2026-06-15T00:00:00Z", "KR", 5);
  // A drill's overdue clock counts for nothing.
  incident("INC-2026-0003", "2026-06-05T00:00:00Z", "EU", 1, true);
});
afterAll(() => temp.cleanup());

const breach = (f: { period: { from: string; to: string }; jurisdiction?: string }) =>
  trust.getTrustDashboard(f, now).indicators.find((i) => i.id === "breachDutiesOnTime")!;

describe("the trust score's breach duties met on time", () => {
  it("is the share of duties that fell due in the period met in time, drills left out", () => {
    const b = breach({ period: june });
    expect(b).toMatchObject({ weight: 10, value: 50, previous: null });
  });

  it("narrows to the duties about one jurisdiction's people", () => {
    expect(breach({ period: june, jurisdiction: "EU" }).value).toBe(100);
    expect(breach({ period: june, jurisdiction: "KR" }).value).toBe(0);
    expect(breach({ period: june, jurisdiction: "US-CA" }).value).toBeNull();
  });

  it("counts a duty in the period its due time falls in", () => {
    expect(breach({ period: { from: "2026-06-01", to: "2026-06-14" } }).value).toBe(100);
    expect(breach({ period: { from: "2026-06-14", to: "2026-06-30" } }).value).toBe(0);
  });
});
