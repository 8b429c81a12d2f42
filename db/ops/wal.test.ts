import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../connection";
import { createTempDatabase } from "../testing/temp-db";
import { truncatePendingWal, truncateWal, truncateWalOrNote, truncateWalSoon } from "./wal";

describe("truncateWal", () => {
  let temp: ReturnType<typeof createTempDatabase>;
  let db: Db;
  let reader: Db;
  beforeEach(() => {
    temp = createTempDatabase("candor-wal");
    db = openDatabase(temp.file);
    reader = openDatabase(temp.file);
    db.$client.pragma("busy_timeout = 50");
    db.$client.exec("CREATE TABLE notes (body TEXT)");
    db.$client.prepare("INSERT INTO notes VALUES (?)").run("mina@example.com");
  });
  afterEach(() => {
    reader.$client.close();
    db.$client.close();
    temp.cleanup();
  });

  const walSize = () => fs.statSync(`${temp.file}-wal`).size;

  it("empties the WAL when no reader holds an older snapshot", () => {
    expect(walSize()).toBeGreaterThan(0);
    expect(truncateWal(db.$client)).toBe(true);
    expect(walSize()).toBe(0);
  });

  it("reports a reader that keeps the WAL from emptying, and empties it once the reader is done", async () => {
    reader.$client.exec("BEGIN");
    reader.$client.prepare("SELECT count(*) FROM notes").get();
    db.$client.prepare("UPDATE notes SET body = ?").run("[address erased]");
    expect(truncateWal(db.$client)).toBe(false);
    const soon = truncateWalSoon(db.$client, 20, 10);
    setTimeout(() => reader.$client.exec("COMMIT"), 30);
    expect(await soon).toBe(true);
    expect(walSize()).toBe(0);
    expect(fs.readFileSync(temp.file).includes(Buffer.from("mina@example.com"))).toBe(false);
  });

  it("notes in the store a WAL it could not empty, so another process's next try empties it and clears the note", () => {
    const pending = () => db.$client.prepare("SELECT COUNT(*) FROM maintenance_pending WHERE task = 'wal-truncate'").pluck().get();
    expect(truncatePendingWal(db.$client)).toBeNull();
    reader.$client.exec("BEGIN");
    reader.$client.prepare("SELECT count(*) FROM notes").get();
    db.$client.prepare("UPDATE notes SET body = ?").run("[address erased]");
    expect(truncateWalOrNote(db.$client, 1)).toBe(false);
    expect(pending()).toBe(1);
    reader.$client.exec("COMMIT");
    // The dispatcher, on a connection of its own (npm run deliveries), finds the note: this connection never said.
    const dispatcher = openDatabase(temp.file);
    try {
      expect(truncatePendingWal(dispatcher.$client)).toBe(true);
      expect(walSize()).toBe(0);
      expect(fs.readFileSync(temp.file).includes(Buffer.from("mina@example.com"))).toBe(false);
      expect(pending()).toBe(0);
      expect(truncatePendingWal(dispatcher.$client)).toBeNull();
    } finally {
      dispatcher.$client.close();
    }
  });
});
