import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yearPeriod } from "@/lib/transparency/period";
import { openDatabase, type Db } from "../connection";
import { ConsentLedger, type LedgerEventInput } from "../consent/ledger/record";
import { eraseSubject } from "../subjects/erasure";
import { loadTestCatalog } from "../testing/catalog";
import { createTempDatabase } from "../testing/temp-db";
import { computeLiveFigures, countChoiceOptOuts } from "./figures";

// Opt-outs of sale/sharing through consent choices count once per person and change of state, in the brand's year
// (CCPA §7102, §7025(b)). Every choice below goes through the ledger's one write path the way its page sends it:
// the preference center ("preference_center"), the widget ("banner") and the API, a GPC signal as the context's flag.
// The expected figures are counted by hand from the comments, not by the code under test.

const ZONE = "America/Los_Angeles"; // 1 January 00:00 there is 08:00 UTC
const temp = createTempDatabase("choice-opt-outs");
let db: Db;
let ledger: ConsentLedger;
const people = new Map<string, number>();

type Source = "preference_center" | "banner" | "api";
function choose(
  email: string,
  jurisdiction: "US-CA" | "EU",
  iso: string,
  source: Source,
  choices: [string, LedgerEventInput["event"]][],
  gpc = false,
) {
  const now = Date.parse(iso);
  const { results } = ledger.record(
    choices.map(([purpose, event]) => ({ subject: { email, jurisdiction, locale: "en" }, purpose, event, source, occurredAt: iso })),
    { gpc, source, now },
  );
  for (const r of results) if (r.status === "rejected") throw new Error(`${email}: ${r.detail}`);
  people.set(email, (db.$client.prepare("SELECT id FROM subjects WHERE email = ?").get(email) as { id: number }).id);
}

/** A second purpose that sells data, with a published notice, beside the catalog's ad_sharing. */
function addSalePurpose(key: string) {
  const sql = db.$client;
  const at = Date.parse("2024-01-01T00:00:00Z");
  const { id } = sql
    .prepare(
      `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, validity_days, sale_or_sharing, sensitive, channels, benefit, status, created_at)
       VALUES (?, ?, 'd', 'consent', '["contact"]', 365, NULL, 1, 0, '[]', 'b', 'active', ?) RETURNING id`,
    )
    .get(key, key, at) as { id: number };
  const notice = sql.prepare("INSERT INTO notices (purpose_id, locale, created_at) VALUES (?, 'en', ?) RETURNING id").get(id, at) as {
    id: number;
  };
  sql
    .prepare(
      `INSERT INTO notice_versions (notice_id, version, status, title, short_layer, full_text, material, created_at, published_at)
       VALUES (?, 1, 'published', 't', '{}', 'f', 0, ?, ?)`,
    )
    .run(notice.id, at, at);
}

const year = (y: number) => {
  const { start, end } = yearPeriod(y, ZONE);
  return countChoiceOptOuts(db, start, end);
};

beforeAll(() => {
  db = openDatabase(temp.file);
  loadTestCatalog(db);
  addSalePurpose("data_sale");
  ledger = new ConsentLedger(db);

  // p1 grants both sale purposes on the banner, then refuses both at once in the preference center: 1.
  choose("p1@example.com", "US-CA", "2025-02-01T18:00:00Z", "banner", [
    ["ad_sharing", "granted"],
    ["data_sale", "granted"],
  ]);
  choose("p1@example.com", "US-CA", "2025-03-01T18:00:00Z", "preference_center", [
    ["ad_sharing", "withdrawn"],
    ["data_sale", "withdrawn"],
  ]);
  // p2 arrives on the banner with GPC, choosing only the newsletter: GPC denies both sale purposes, 1; a second visit
  // with GPC finds them refused and changes nothing: still 1.
  choose("p2@example.com", "US-CA", "2025-04-01T18:00:00Z", "banner", [["newsletter", "granted"]], true);
  choose("p2@example.com", "US-CA", "2025-09-01T18:00:00Z", "banner", [["newsletter", "granted"]], true);
  // p3 opts out (1), back in, and out again (2): 2.
  choose("p3@example.com", "US-CA", "2025-04-02T18:00:00Z", "preference_center", [["ad_sharing", "denied"]]);
  choose("p3@example.com", "US-CA", "2025-05-02T18:00:00Z", "preference_center", [["ad_sharing", "granted"]]);
  choose("p3@example.com", "US-CA", "2025-06-02T18:00:00Z", "api", [["ad_sharing", "withdrawn"]]);
  // p4: a GPC signal at 23:30 on 31 December 2025 in Los Angeles, 07:30 UTC on 1 January 2026: counts in 2025.
  choose("p4@example.com", "US-CA", "2025-06-03T18:00:00Z", "banner", [["ad_sharing", "granted"]]);
  choose("p4@example.com", "US-CA", "2026-01-01T07:30:00Z", "banner", [["newsletter", "denied"]], true);
  // p5: a GPC signal at 00:30 on 1 January 2026 in Los Angeles (08:30 UTC): counts in 2026.
  choose("p5@example.com", "US-CA", "2026-01-01T08:30:00Z", "preference_center", [["newsletter", "granted"]], true);
  // p6 (EU) refuses data_sale: counted for all individuals only: 1.
  choose("p6@example.com", "EU", "2025-07-01T18:00:00Z", "banner", [["data_sale", "denied"]]);
  // p7 refuses data_sale (1), then, still refusing it, withdraws ad_sharing too: no new change of state: 1.
  choose("p7@example.com", "US-CA", "2025-02-10T18:00:00Z", "banner", [
    ["data_sale", "denied"],
    ["ad_sharing", "granted"],
  ]);
  choose("p7@example.com", "US-CA", "2025-08-10T18:00:00Z", "preference_center", [["ad_sharing", "withdrawn"]]);
  // p8 withdraws the newsletter, which neither sells nor shares: 0.
  choose("p8@example.com", "US-CA", "2025-02-11T18:00:00Z", "preference_center", [["newsletter", "granted"]]);
  choose("p8@example.com", "US-CA", "2025-03-11T18:00:00Z", "preference_center", [["newsletter", "withdrawn"]]);
  // p9's opt-out is a completed request's own withdrawal (source "system"), counted as the request: 0 here.
  choose("p9@example.com", "US-CA", "2025-02-12T18:00:00Z", "banner", [["ad_sharing", "granted"]]);
  ledger.record([{ subject: { email: "p9@example.com" }, purpose: "ad_sharing", event: "withdrawn", occurredAt: "2025-03-12T18:00:00Z" }], {
    gpc: false,
    source: "system",
    toldByRequest: true,
    now: Date.parse("2025-03-12T18:00:00Z"),
  });
  // p10 refused ad_sharing in 2024 (1 in 2024) and refuses it again in 2025 in other words (denied → withdrawn): 0 in 2025.
  choose("p10@example.com", "US-CA", "2024-05-01T18:00:00Z", "banner", [["ad_sharing", "denied"]]);
  choose("p10@example.com", "US-CA", "2025-05-01T18:00:00Z", "preference_center", [["ad_sharing", "withdrawn"]]);
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("opt-outs through consent choices", () => {
  it("counts once per person and change of state in the brand's year (hand count: California 6, everyone 7)", () => {
    // p1 1 + p2 1 + p3 2 + p4 1 + p7 1 = 6 in California; p6 in the EU makes 7.
    expect(year(2025)).toEqual({ california: 6, all: 7 });
    expect(year(2026)).toEqual({ california: 1, all: 1 }); // p5
    expect(year(2024)).toEqual({ california: 1, all: 1 }); // p10
  });

  it("puts the GPC signal at 23:30 on 31 December brand time in that year, not the next UTC day's", () => {
    const row = db.$client
      .prepare("SELECT quarter, source, gpc, count FROM consent_opt_outs WHERE quarter = ?")
      .get(Date.parse("2026-01-01T07:30:00Z") / 900_000);
    expect(row).toEqual({ quarter: Date.parse("2026-01-01T07:30:00Z") / 900_000, source: "banner", gpc: 1, count: 1 });
    expect(Date.parse("2026-01-01T07:30:00Z")).toBeLessThan(yearPeriod(2025, ZONE).end);
  });

  it("adds them to the opt-out row as requests complied with at once", () => {
    const figures = computeLiveFigures(db, 2025, ZONE);
    const optOut = (rows: typeof figures.all) => rows.find((r) => r.kind === "opt_out")!;
    expect(optOut(figures.california)).toMatchObject({
      received: 6,
      viaChoices: 6,
      complied: 6,
      denied: 0,
      medianDays: 0,
      onTimeRate: 100,
    });
    expect(optOut(figures.all)).toMatchObject({ received: 7, viaChoices: 7 });
  });

  it("keeps a person's opt-out in the count after their erasure (the count names nobody)", () => {
    eraseSubject(db, people.get("p6@example.com")!, "R-erase-p6");
    expect(year(2025)).toEqual({ california: 6, all: 7 });
  });

  it("is what migration 0037 derives from the ledger for the ledger it had", () => {
    const live = db.$client.prepare("SELECT * FROM consent_opt_outs ORDER BY quarter, jurisdiction, source, gpc").all();
    const migration = fs.readFileSync(path.join(process.cwd(), "db/migrations/0037_consent_opt_outs.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint")[1];
    expect(backfill).toMatch(/INSERT INTO `consent_opt_outs`/);
    // The ledger as the migration found it: p6 was erased in the previous test, so p6's events and opt-out are gone
    // from what it can read. Rebuilt inside a transaction that is rolled back, so the live count is left as it was.
    const sql = db.$client;
    sql.exec("BEGIN");
    try {
      sql.exec("DELETE FROM consent_opt_outs");
      sql.exec(backfill);
      const rebuilt = sql.prepare("SELECT * FROM consent_opt_outs ORDER BY quarter, jurisdiction, source, gpc").all();
      const p6Quarter = Date.parse("2025-07-01T18:00:00Z") / 900_000;
      expect(rebuilt).toEqual(live.filter((r) => (r as { quarter: number }).quarter !== p6Quarter));
      expect(rebuilt).toHaveLength(live.length - 1);
    } finally {
      sql.exec("ROLLBACK");
    }
  });
});
