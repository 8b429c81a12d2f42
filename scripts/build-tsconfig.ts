import fs from "node:fs";
import path from "node:path";

/**
 * `next build` adds its output folder's type globs to the tsconfig it is given. The tracked tsconfig.json
 * names .next and .next-test; a build into any other folder (the e2e servers' .next-test-<port>, the
 * bench's .next-bench) gets an untracked copy that names it (.gitignore: /tsconfig.*.json), so builds
 * leave the tree clean. Returns the environment that points the build at that copy (NEXT_TSCONFIG_PATH,
 * read by next.config.js), or nothing for the two tracked folders.
 */
export function tsconfigEnv(root: string, distDir: string): { NEXT_TSCONFIG_PATH?: string } {
  const folder = path.relative(root, path.resolve(root, distDir));
  if (folder === ".next" || folder === ".next-test") return {};
  const base = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.json"), "utf8")) as { include: string[] };
  const file = `tsconfig.${folder.replace(/^\.+/, "").replace(/[^A-Za-z0-9-]/g, "-")}.json`;
  const include = [...base.include, `${folder}/types/**/*.ts`, `${folder}/dev/types/**/*.ts`];
  fs.writeFileSync(
    path.join(root, file),
    JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { plugins: [{ name: "next" }] }, include }, null, 2) + "\n",
  );
  return { NEXT_TSCONFIG_PATH: file };
}
