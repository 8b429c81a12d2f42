import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/connection";
import { countStaffUsers } from "@/db/seed/status";
import { migrateDatabase } from "@/db/migrate";
import { ensureDemoData } from "./ensure-demo-data";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "candor-ensure-"));
const small = { subjects: 50, events: 400, requests: 40, anchor: new Date("2026-05-01T00:00:00Z") };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
vi.spyOn(console, "log").mockImplementation(() => {});

const subjectCount = (file: string) => {
  const db = openDatabase(file);
  try {
    return (db.$client.prepare("SELECT COUNT(*) AS n FROM subjects").get() as { n: number }).n;
  } finally {
    db.$client.close();
  }
};

describe("ensureDemoData", () => {
  it("seeds a migrated but empty store", async () => {
    const file = path.join(dir, "empty.db");
    migrateDatabase(file);
    expect(countStaffUsers(file)).toBe(0);
    expect(await ensureDemoData(file, small)).toBe(true);
    expect(countStaffUsers(file)).toBe(6);
  });

  it("seeds a store that does not exist yet", async () => {
    const file = path.join(dir, "missing.db");
    expect(await ensureDemoData(file, small)).toBe(true);
    expect(subjectCount(file)).toBe(50);
  });

  it("keeps a store that already has staff, data and all", async () => {
    const file = path.join(dir, "kept.db");
    await ensureDemoData(file, small);
    expect(await ensureDemoData(file, { ...small, subjects: 80, events: 800 })).toBe(false);
    expect(subjectCount(file)).toBe(50);
  });
});
