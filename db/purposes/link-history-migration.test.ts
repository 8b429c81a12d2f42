import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { migrateDatabase, migrationsFolder } from "../migrate";

// A store from before purpose_recipients kept its history: migrated up to the migration before the one that
// adds linked_at and unlinked_at, holding links of a live purpose and of a draft.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "candor-link-history-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Journal = { entries: { tag: string }[] };
const HISTORY = "_purpose_recipient_link_history";

function migrationsBeforeHistory(): string {
  const folder = path.join(dir, "migrations");
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const file = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as Journal;
  const at = journal.entries.findIndex((e) => e.tag.endsWith(HISTORY));
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe("the migration to links with a history", () => {
  it("dates each existing link from its purpose's activation, or its creation if it never went live, and keeps it open", () => {
    const file = path.join(dir, "old.db");
    const old = openDatabase(file);
    migrate(old, { migrationsFolder: migrationsBeforeHistory() });
    const sql = old.$client;
    const purpose = sql.prepare(
      `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, channels, benefit, status, created_at, activated_at)
       VALUES (?, ?, 'd', 'consent', '["contact"]', 365, '[]', 'b', ?, ?, ?) RETURNING id`,
    );
    const live = purpose.pluck().get("news", "news", "active", 1_000, 5_000) as number;
    const draft = purpose.pluck().get("later", "later", "draft", 7_000, null) as number;
    const mail = sql
      .prepare("INSERT INTO recipients (name, role, country, created_at) VALUES ('MailCo', 'processor', 'US', 0) RETURNING id")
      .pluck()
      .get() as number;
    const ads = sql
      .prepare("INSERT INTO recipients (name, role, country, created_at) VALUES ('AdCo', 'third_party', 'US', 0) RETURNING id")
      .pluck()
      .get() as number;
    const link = sql.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)");
    link.run(live, mail);
    link.run(live, ads);
    link.run(draft, mail);
    old.$client.close();

    migrateDatabase(file);
    const db = openDatabase(file);
    try {
      const rows = db.$client
        .prepare(
          "SELECT purpose_id AS purposeId, recipient_id AS recipientId, linked_at AS linkedAt, unlinked_at AS unlinkedAt FROM purpose_recipients ORDER BY id",
        )
        .all();
      expect(rows).toEqual([
        { purposeId: live, recipientId: mail, linkedAt: 5_000, unlinkedAt: null },
        { purposeId: live, recipientId: ads, linkedAt: 5_000, unlinkedAt: null },
        { purposeId: draft, recipientId: mail, linkedAt: 7_000, unlinkedAt: null },
      ]);
      // Only one open link per purpose and recipient; a closed one may sit beside it.
      db.$client.prepare("UPDATE purpose_recipients SET unlinked_at = 9000 WHERE purpose_id = ? AND recipient_id = ?").run(live, ads);
      db.$client.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)").run(live, ads);
      expect(() => db.$client.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)").run(live, ads)).toThrow(
        /UNIQUE/,
      );
      // A link made without a time is dated now.
      const made = db.$client
        .prepare("SELECT linked_at FROM purpose_recipients WHERE purpose_id = ? AND recipient_id = ? AND unlinked_at IS NULL")
        .pluck()
        .get(live, ads) as number;
      expect(Math.abs(made - Date.now())).toBeLessThan(60_000);
    } finally {
      db.$client.close();
    }
  });
});
