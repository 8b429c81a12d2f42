import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastDays } from "@/lib/metrics/period";
import { createTempDatabase } from "../testing/temp-db";

// The overview's "last 30 days" must count the same 30 days consent analytics counts, not 31.
const temp = createTempDatabase("consent-rollups");
process.env.DATABASE_PATH = temp.file;

let rollups: typeof import("./rollups");

beforeAll(async () => {
  const client = await import("../client");
  rollups = await import("./rollups");
  const insert = client.db.$client.prepare(
    "INSERT INTO consent_daily_rollups (day, purpose_id, jurisdiction, source, locale, channel, event, gpc, count) VALUES (?, 1, 'EU', 'widget', 'en', '', ?, ?, ?)",
  );
  insert.run("2026-02-08", "granted", 0, 100); // the 31st day back: outside "last 30 days"
  insert.run("2026-02-09", "granted", 0, 3); // the first of the 30 days
  insert.run("2026-03-10", "granted", 1, 2); // today
  insert.run("2026-03-10", "withdrawn", 0, 5);
  insert.run("2026-03-11", "granted", 0, 1000); // after the period
});

afterAll(() => temp.cleanup());

describe("getConsentTotals", () => {
  it("counts the days of the period only, both ends included", () => {
    expect(rollups.getConsentTotals(lastDays("2026-03-10", 30))).toEqual({ granted: 5, denied: 0, withdrawn: 5, expired: 0, gpc: 2 });
  });
});
