import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// A store path under a plain file: the folder cannot be created, so the store cannot open.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "health-"));
fs.writeFileSync(path.join(dir, "not-a-folder"), "");
process.env.DATABASE_PATH = path.join(dir, "not-a-folder", "candor.db");
process.env.LOG_LEVEL = "silent";
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("checkHealth", () => {
  it("reports degraded, not a crash, when the store cannot be opened", async () => {
    const { checkHealth } = await import("./health");
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "degraded", database: { reachable: false, latencyMs: null }, migrations: null });
    expect(JSON.stringify(health)).not.toContain(dir); // no paths or other internals in the answer
  });
});
