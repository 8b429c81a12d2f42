import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { isOutboxKind } from "@/lib/outbox/vocabulary";
import { openDatabase } from "../connection";
import { migrateDatabase, migrationsFolder } from "../migrate";

// A store written before the outbox kinds had one spelling: migrated up to the migration
// before the rewrite, holding the kinds the demo history and Candor wrote then.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "candor-outbox-kinds-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Journal = { entries: { tag: string }[] };
const REWRITE = "_outbox_kind_spelling";

/** A copy of the migrations folder whose journal stops before the kind rewrite. */
function migrationsBeforeRewrite(): string {
  const folder = path.join(dir, "migrations");
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const file = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as Journal;
  const at = journal.entries.findIndex((e) => e.tag.endsWith(REWRITE));
  expect(at).toBeGreaterThan(0);
  fs.writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

const stored = (file: string) => {
  const db = openDatabase(file);
  try {
    return db.$client.prepare("SELECT id, kind FROM outbox ORDER BY id").all() as { id: number; kind: string }[];
  } finally {
    db.$client.close();
  }
};

describe("the outbox kind migration", () => {
  it("rewrites every older spelling of a kind to the vocabulary's and leaves the rest alone", () => {
    const file = path.join(dir, "old.db");
    const old = openDatabase(file);
    migrate(old, { migrationsFolder: migrationsBeforeRewrite() });
    const insert = old.$client.prepare(
      "INSERT INTO outbox (to_address, kind, locale, subject_line, body, status, created_at) VALUES ('a@example.com', ?, 'en', 's', 'b', 'sent', 0)",
    );
    const before = ["request_received", "request_extended", "request_completed", "request_rejected", "request-rejected", "notice-update"];
    for (const kind of before) insert.run(kind);
    old.$client.close();

    migrateDatabase(file);
    const after = stored(file);
    expect(after.map((r) => r.kind)).toEqual([
      "request-received",
      "request-extended",
      "request-completed",
      "request-rejected",
      "request-rejected",
      "notice-update",
    ]);
    expect(after.filter((r) => !isOutboxKind(r.kind))).toEqual([]);
  });
});
