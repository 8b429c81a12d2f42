import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tsconfigEnv } from "./build-tsconfig";

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function project(): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "candor-tsconfig-"));
  fs.writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ include: ["**/*.ts", ".next/types/**/*.ts"] }));
  return root;
}

describe("tsconfigEnv", () => {
  it("leaves the tracked tsconfig to builds into .next and .next-test", () => {
    const dir = project();
    expect(tsconfigEnv(dir, ".next")).toEqual({});
    expect(tsconfigEnv(dir, ".next-test")).toEqual({});
    expect(fs.readdirSync(dir)).toEqual(["tsconfig.json"]);
  });

  it("points any other build folder at an untracked copy that names it, leaving tsconfig.json as it was", () => {
    const dir = project();
    const before = fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8");
    const env = tsconfigEnv(dir, path.join(dir, ".next-bench"));
    expect(env).toEqual({ NEXT_TSCONFIG_PATH: "tsconfig.next-bench.json" });
    const copy = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.next-bench.json"), "utf8"));
    expect(copy.extends).toBe("./tsconfig.json");
    expect(copy.include).toEqual(["**/*.ts", ".next/types/**/*.ts", ".next-bench/types/**/*.ts", ".next-bench/dev/types/**/*.ts"]);
    expect(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8")).toBe(before);
    expect(tsconfigEnv(dir, ".next-test-3301")).toEqual({ NEXT_TSCONFIG_PATH: "tsconfig.next-test-3301.json" });
  });
});
