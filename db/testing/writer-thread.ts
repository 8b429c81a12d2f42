import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { buildWriter } from "@/scripts/build-writer";
import { openDatabase, type Db } from "../connection";
import { WriterThread } from "../writer/thread";
import { createTempDatabase } from "./temp-db";

export type TestWriter = { readonly file: string; readonly db: Db; readonly writer: WriterThread };

/**
 * A writer thread on a temporary store for one test file, as the server runs it: the bundle scripts/build-writer.ts
 * makes (beside the project's node_modules, where its packages resolve), its own connection, up to 64 writes a group.
 * `seed` fills the store first through a connection of the test's own, which stays open as `db`.
 */
export function writerOnTempStore(name: string, seed: (db: Db) => void = () => {}): TestWriter {
  const temp = createTempDatabase(name);
  const bundle = path.join(process.cwd(), ".generated", `${name}-test-${process.pid}.cjs`);
  let db: Db | undefined;
  let writer: WriterThread | undefined;
  beforeAll(async () => {
    db = openDatabase(temp.file);
    seed(db);
    await buildWriter(bundle);
    writer = new WriterThread({ file: temp.file, bundle, maxJobs: 64, waitMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await writer?.stop();
    db?.$client.close();
    temp.cleanup();
    fs.rmSync(bundle, { force: true });
  });
  return {
    file: temp.file,
    get db() {
      return db!;
    },
    get writer() {
      return writer!;
    },
  };
}
