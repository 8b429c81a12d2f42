import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../connection";
import { migrateDatabase, migrationsFolder } from "../migrate";

// A store from before purposes named their recipients only by id: migrated up to the migration before the one
// that drops purpose_recipients' copies of name, country and role, holding links 0010 named and one it could not.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "candor-recipient-links-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Journal = { entries: { tag: string }[] };
const DROP = "_purpose_recipients_by_id";

function migrationsBeforeDrop(): string {
  const folder = path.join(dir, "migrations");
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const file = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as Journal;
  const at = journal.entries.findIndex((e) => e.tag.endsWith(DROP));
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe("the migration to links by recipient id", () => {
  it("names every link by its vendor, keeps one link per purpose and vendor, and then requires both", () => {
    const file = path.join(dir, "old.db");
    const old = openDatabase(file);
    migrate(old, { migrationsFolder: migrationsBeforeDrop() });
    const sql = old.$client;
    const purpose = (key: string) =>
      (
        sql
          .prepare(
            `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, channels, benefit, status, created_at)
             VALUES (?, ?, 'd', 'consent', '["contact"]', 365, '[]', 'b', 'active', 0) RETURNING id`,
          )
          .get(key, key) as { id: number }
      ).id;
    const news = purpose("news");
    const orders = purpose("orders");
    const mail = (
      sql
        .prepare("INSERT INTO recipients (name, role, country, created_at) VALUES ('MailCo', 'processor', 'US', 0) RETURNING id")
        .get() as { id: number }
    ).id;
    const link = sql.prepare("INSERT INTO purpose_recipients (purpose_id, name, country, role, recipient_id) VALUES (?, ?, ?, ?, ?)");
    link.run(news, "MailCo", "US", "processor", mail);
    link.run(news, "MailCo", "US", "processor", mail);
    // Written by the older seeder after 0010 ran: no recipient id, and a vendor the registry does not have yet.
    link.run(orders, "ParcelCo", "DE", "processor", null);
    link.run(orders, "MailCo", "US", "processor", null);
    old.$client.close();

    migrateDatabase(file);
    const db = openDatabase(file);
    try {
      const links = db.$client
        .prepare(
          "SELECT p.key, r.name, r.country, r.role FROM purpose_recipients pr JOIN purposes p ON p.id = pr.purpose_id JOIN recipients r ON r.id = pr.recipient_id ORDER BY p.key, r.name",
        )
        .all();
      expect(links).toEqual([
        { key: "news", name: "MailCo", country: "US", role: "processor" },
        { key: "orders", name: "MailCo", country: "US", role: "processor" },
        { key: "orders", name: "ParcelCo", country: "DE", role: "processor" },
      ]);
      const columns = (db.$client.prepare("PRAGMA table_info(purpose_recipients)").all() as { name: string; notnull: number }[]).map(
        (c) => [c.name, c.notnull],
      );
      expect(columns).toEqual([
        ["id", 1],
        ["purpose_id", 1],
        ["recipient_id", 1],
        // Link history, from a later migration (link-history-migration.test.ts).
        ["linked_at", 1],
        ["unlinked_at", 0],
      ]);
      expect(() => db.$client.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)").run(news, mail)).toThrow(
        /UNIQUE/,
      );
      expect(() => db.$client.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, 999999)").run(news)).toThrow(
        /FOREIGN KEY/,
      );
    } finally {
      db.$client.close();
    }
  });
});
