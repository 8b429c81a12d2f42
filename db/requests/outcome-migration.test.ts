import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { migrateDatabase, migrationsFolder } from "../migrate";

// A store from before outcomes were mapped: migrated up to the migration before 0029, holding closed requests of
// every kind the app could write then, and open ones.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "candor-outcomes-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Journal = { entries: { tag: string }[] };

function migrationsBeforeMapping(): string {
  const folder = path.join(dir, "migrations");
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const file = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as Journal;
  const at = journal.entries.findIndex((e) => e.tag.endsWith("_request_outcomes_from_closed"));
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe("the migration that maps closed requests to outcomes", () => {
  it("maps completed to complied, Candor's identity closes to not verifiable, and any other rejection to other with its reason", () => {
    const file = path.join(dir, "old.db");
    const old = openDatabase(file);
    migrate(old, { migrationsFolder: migrationsBeforeMapping() });
    const insert = old.$client.prepare(
      `INSERT INTO subject_requests (ref, type, status, jurisdiction, intake, verification, received_at, due_at, closed_at, rejection_reason, created_at)
       VALUES (?, 'access', ?, 'US-CA', 'phone', 'code', 0, 1, ?, ?, 0)`,
    );
    const rows: [string, string, number | null, string | null][] = [
      ["R-DONE", "completed", 5, null],
      ["R-CODE", "rejected", 5, "system:identity-not-verified"],
      ["R-OLD1", "rejected", 5, "Identity was not verified in time."],
      ["R-OLD2", "rejected", 5, " Identity could not be verified within 21 days. "],
      ["R-FREE", "rejected", 5, "Duplicate of REQ-2025-00012"],
      ["R-NONE", "rejected", 5, null],
      ["R-OPEN", "in_progress", null, null],
      ["R-WAIT", "verifying", null, null],
    ];
    for (const r of rows) insert.run(...r);
    old.$client.close();

    migrateDatabase(file);
    const db = openDatabase(file);
    try {
      const after = db.$client
        .prepare(
          "SELECT ref, outcome, denial_reason AS reason, outcome_note AS note, rejection_reason AS told FROM subject_requests ORDER BY id",
        )
        .all();
      expect(after).toEqual([
        { ref: "R-DONE", outcome: "complied", reason: null, note: null, told: null },
        { ref: "R-CODE", outcome: "denied", reason: "not_verifiable", note: null, told: "system:identity-not-verified" },
        { ref: "R-OLD1", outcome: "denied", reason: "not_verifiable", note: null, told: "Identity was not verified in time." },
        {
          ref: "R-OLD2",
          outcome: "denied",
          reason: "not_verifiable",
          note: null,
          told: " Identity could not be verified within 21 days. ",
        },
        { ref: "R-FREE", outcome: "denied", reason: "other", note: "Duplicate of REQ-2025-00012", told: "Duplicate of REQ-2025-00012" },
        { ref: "R-NONE", outcome: "denied", reason: "other", note: "No reason was recorded.", told: null },
        { ref: "R-OPEN", outcome: null, reason: null, note: null, told: null },
        { ref: "R-WAIT", outcome: null, reason: null, note: null, told: null },
      ]);
    } finally {
      db.$client.close();
    }
  });
});
