import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../testing/temp-db";

// Every operation a domain's port sends to the writer (toWriter) must be one the writer thread carries, under the
// same name and as the same function, or the writer would answer "no write operation" where inline mode wrote.
const temp = createTempDatabase("writer-operations");
beforeAll(() => {
  process.env.DATABASE_PATH = temp.file;
});
afterAll(() => temp.cleanup());

describe("the writer's operations", () => {
  it("carry each write a domain's port declares, as the same function", async () => {
    const { declaredWrites } = await import("../port");
    const { writeOperations } = await import("./operations");
    for (const domain of ["consent", "subjects", "requests", "purposes", "notices", "staff", "dashboards", "ops", "propagation"])
      await import(`../${domain}/index.ts`);
    expect(declaredWrites.size).toBeGreaterThan(0);
    for (const [name, operation] of declaredWrites) expect(writeOperations[name as keyof typeof writeOperations], name).toBe(operation);
    expect([...declaredWrites.keys()].sort()).toEqual(Object.keys(writeOperations).sort());
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
