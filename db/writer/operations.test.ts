import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";

// The writer runs what the domains' ports declare with toWriter; a port the writer does not import would leave its
// writes answered "no write operation" in the server where inline mode wrote them.
const temp = createTempDatabase("writer-operations");
beforeAll(() => {
  process.env.DATABASE_PATH = temp.file;
});
afterAll(() => temp.cleanup());

const dbRoot = path.resolve(__dirname, "..");
// The writer's own index is no port: it is how the server's other threads reach the writer (./index.ts).
const ports = fs
  .readdirSync(dbRoot)
  .filter((name) => name !== "writer" && fs.existsSync(path.join(dbRoot, name, "index.ts")))
  .sort();

describe("the writer's operations", () => {
  it("import every domain's port", () => {
    const source = fs.readFileSync(path.join(__dirname, "operations.ts"), "utf8");
    const imported = [...source.matchAll(/^import "\.\.\/([\w-]+)";$/gm)].map((m) => m[1]).sort();
    expect(imported).toEqual(ports);
  });

  it("carry each write a port declares, as the same function, under its domain's name", async () => {
    const { writeOperations } = await import("./operations");
    const { declaredWrites } = await import("../port");
    for (const domain of ports) await import(`../${domain}/index.ts`);
    expect(declaredWrites.size).toBeGreaterThan(0);
    expect(Object.keys(writeOperations).sort()).toEqual([...declaredWrites.keys()].sort());
    for (const [name, operation] of declaredWrites) {
      expect(writeOperations[name], name).toBe(operation);
      expect(ports, name).toContain(name.split(".")[0]);
    }
    // The operations a group commit lets share one read of the purposes (./group-scope.ts) are ones the writer runs.
    const { scopeKeepers } = await import("./group-scope");
    for (const name of scopeKeepers) expect(Object.keys(writeOperations)).toContain(name);
  });
});

describe("writerBundleFile", () => {
  it("names one bundle per build folder, the default build's plainly", async () => {
    const { writerBundleFile } = await import("./bundle-path");
    expect(writerBundleFile("/srv/candor", undefined)).toBe("/srv/candor/.generated/writer.cjs");
    expect(writerBundleFile("/srv/candor", ".next")).toBe("/srv/candor/.generated/writer.cjs");
    expect(writerBundleFile("/srv/candor", ".next-test-3437")).toBe("/srv/candor/.generated/writer.next-test-3437.cjs");
    expect(writerBundleFile("/srv/candor", "build/out")).toBe("/srv/candor/.generated/writer-out.cjs");
  });
});
