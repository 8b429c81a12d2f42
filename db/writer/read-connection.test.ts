import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../connection";
import { createTempDatabase } from "../testing/temp-db";

// Reads on their own connection (issue 22, deliverable 3): with the writer thread on, the dashboards and the preference
// center read through a read-only connection that never waits for a write in progress, and sees each one once committed.
const temp = createTempDatabase("read-connection");
let writer: Db;
let client: typeof import("../client");
beforeAll(async () => {
  process.env.DATABASE_PATH = temp.file;
  process.env.CANDOR_WRITER = "thread";
  client = await import("../client");
  writer = openDatabase(temp.file);
});
afterAll(() => {
  delete process.env.CANDOR_WRITER;
  writer.$client.close();
  temp.cleanup();
});

const count = () => client.readDb.$client.prepare("SELECT count(*) FROM maintenance_pending").pluck().get();

describe("readDb with the writer thread on", () => {
  it("is a read-only connection of its own, which refuses a write", () => {
    expect(client.readDb).not.toBe(client.db);
    expect(client.readDb.$client.readonly).toBe(true);
    expect(() => client.readDb.$client.prepare("INSERT INTO maintenance_pending (task, noted_at) VALUES ('x', 1)").run()).toThrow(
      /readonly/,
    );
  });

  it("reads at once while the writer holds an open write transaction, and sees the write once it commits", () => {
    writer.$client.exec("BEGIN IMMEDIATE");
    writer.$client.prepare("INSERT INTO maintenance_pending (task, noted_at) VALUES ('held', 1)").run();
    const started = performance.now();
    expect(count()).toBe(0);
    expect(performance.now() - started).toBeLessThan(100);
    writer.$client.exec("COMMIT");
    expect(count()).toBe(1);
  });
});
