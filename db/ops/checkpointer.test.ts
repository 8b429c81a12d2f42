import { afterEach, describe, expect, it } from "vitest";
import type { Worker } from "node:worker_threads";
import { openDatabase } from "../connection";
import { createTempDatabase } from "../testing/temp-db";
import { startCheckpointer } from "./checkpointer";

// The store's upkeep thread: PASSIVE checkpoints, and the planner's statistics kept current.

const started: Worker[] = [];
const stores: (() => void)[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()));
  for (const cleanup of stores.splice(0)) cleanup();
});

/** A store with a table the seed never analysed, grown to a few thousand rows. */
function grownStore() {
  const temp = createTempDatabase("checkpointer");
  stores.push(temp.cleanup);
  const db = openDatabase(temp.file);
  db.$client.exec("CREATE TABLE grown (a INTEGER NOT NULL, b TEXT); CREATE INDEX grown_a ON grown (a);");
  const insert = db.$client.prepare("INSERT INTO grown (a, b) VALUES (?, ?)");
  db.$client.transaction(() => {
    for (let i = 0; i < 5_000; i++) insert.run(i % 50, `row ${i}`);
  })();
  const analysed = () => db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").get() as { n: number };
  const stat = () =>
    analysed().n === 0
      ? undefined
      : (db.$client.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'grown_a'").get() as { stat: string } | undefined);
  return { file: temp.file, db, stat };
}

describe("startCheckpointer", () => {
  it("analyses at start a table the planner has no statistics for", async () => {
    const store = grownStore();
    expect(store.stat()).toBeUndefined();
    const schema = () => store.db.$client.pragma("schema_version", { simple: true }) as number;
    const before = schema();
    started.push(startCheckpointer(store.file, { intervalMs: 20 }));
    await expect.poll(() => store.stat()?.stat, { timeout: 5_000 }).toMatch(/^\d+ \d+$/);
    // The other connections are told to load the new statistics: the schema's version moved.
    await expect.poll(schema, { timeout: 5_000 }).toBeGreaterThan(before);
    store.db.$client.close();
  });

  it("leaves the statistics alone when asked to (the bench's limit probes)", async () => {
    const [left, analysed] = [grownStore(), grownStore()];
    started.push(
      startCheckpointer(left.file, { intervalMs: 20, optimizeEveryMs: null }),
      startCheckpointer(analysed.file, { intervalMs: 20 }),
    );
    // Started together: once the other thread has analysed its store, this one had as long to do so.
    await expect.poll(() => analysed.stat()?.stat, { timeout: 5_000 }).toBeDefined();
    expect(left.stat()).toBeUndefined();
    for (const store of [left, analysed]) store.db.$client.close();
  });
});
