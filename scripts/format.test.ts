// A formatter decides layout (STYLE.md): `npm run lint` ends with `prettier --check .`, which fails
// on any file Prettier would write differently under the repo's .prettierrc.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";

const root = process.cwd();
const source = path.join(root, "lib", "example.ts");
const unformatted = "export function greet(name:string){return 'Hello, '+name}\n";
const formatted = 'export function greet(name: string) {\n  return "Hello, " + name;\n}\n';

async function options() {
  return { ...(await prettier.resolveConfig(source)), filepath: source };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "format-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the formatting check", () => {
  it("reads the repo's settings: lines up to 140 characters, double quotes, trailing commas", async () => {
    expect(await prettier.resolveConfig(source)).toEqual({ printWidth: 140, singleQuote: false, trailingComma: "all" });
  });

  it("fails an unformatted snippet and passes it once Prettier has written it", async () => {
    expect(await prettier.check(unformatted, await options())).toBe(false);
    expect(await prettier.format(unformatted, await options())).toBe(formatted);
    expect(await prettier.check(formatted, await options())).toBe(true);
  });

  it("keeps a line of 140 characters and wraps one of 141", async () => {
    const line = (width: number) => `const s = f("${"a".repeat(width - 'const s = f("", 1);'.length)}", 1);\n`;
    expect(line(140).trimEnd()).toHaveLength(140);
    expect(await prettier.check(line(140), await options())).toBe(true);
    expect(await prettier.check(line(141), await options())).toBe(false);
  });

  it("is what npm run lint runs, over a tree that leaves no source folder out", async () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.lint).toMatch(/&& prettier --check \.$/);
    for (const folder of ["app", "components", "lib", "db", "scripts", "e2e"]) {
      const info = await prettier.getFileInfo(path.join(root, folder, "example.ts"), { ignorePath: path.join(root, ".prettierignore") });
      expect(info.ignored, folder).toBe(false);
    }
  });

  it("makes the prettier command exit 1 on an unformatted file and 0 on a formatted one", () => {
    const bin = path.join(root, "node_modules", ".bin", "prettier");
    const check = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return spawnSync(bin, ["--check", "--config", path.join(root, ".prettierrc.json"), path.join(dir, name)], { encoding: "utf8" });
    };
    const bad = check("unformatted.ts", unformatted);
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toContain("unformatted.ts");
    expect(check("formatted.ts", formatted).status).toBe(0);
  });
});
