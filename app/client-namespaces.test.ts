// Each part of the app sends the browser only some message namespaces (lib/i18n/client-namespaces.ts). A client
// component there that used another would show a key instead of text: this reads the import graph of each part, finds
// the client modules ("use client" and what they import) and every namespace they ask useTranslations for.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/catalogs";
import { clientNamespaces } from "@/lib/i18n/client-namespaces";

const root = path.resolve(__dirname, "..");
const importPattern = /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(spec: string, from: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(root, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"])
    if (fs.existsSync(base + ext) && fs.statSync(base + ext).isFile()) return base + ext;
  return null;
}

/** Every module reachable from `starts`, and which of them are client modules (or imported by one). */
function graph(starts: string[]): { client: Set<string> } {
  const walk = (from: string[]) => {
    const seen = new Set<string>();
    const stack = [...from];
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const m of fs.readFileSync(file, "utf8").matchAll(importPattern)) {
        const target = resolve(m[1] ?? m[2], file);
        if (target && !target.endsWith(".test.ts")) stack.push(target);
      }
    }
    return seen;
  };
  const marked = [...walk(starts)].filter((f) => /^\s*["']use client["']/.test(fs.readFileSync(f, "utf8")));
  return { client: walk(marked) };
}

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [full] : [];
  });

/** The top-level namespaces client modules reachable from `starts` translate with; `null` for a call with none. */
function namespacesUsed(starts: string[]): Set<string | null> {
  const used = new Set<string | null>();
  for (const file of graph(starts).client)
    for (const m of fs.readFileSync(file, "utf8").matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)|useMessages\(/g))
      used.add(m[1] ? m[1].split(".")[0] : null);
  return used;
}

const outsideGroups = fs
  .readdirSync(path.join(root, "app"), { withFileTypes: true })
  .flatMap((e) =>
    e.isDirectory()
      ? e.name.startsWith("(") || e.name === "api"
        ? []
        : filesUnder(path.join(root, "app", e.name))
      : [path.join(root, "app", e.name)],
  )
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));

describe("the messages each part of the app sends the browser", () => {
  for (const [part, starts] of [
    ["public", filesUnder(path.join(root, "app", "(public)"))],
    ["auth", filesUnder(path.join(root, "app", "(auth)"))],
    ["root", outsideGroups],
  ] as const)
    it(`the ${part} pages' client components use only namespaces their list sends`, () => {
      const used = namespacesUsed([...starts]);
      expect(used.has(null), "a client component translates with no namespace (it needs the whole catalog)").toBe(false);
      expect([...used].filter((n) => !(clientNamespaces[part] as readonly string[]).includes(n!))).toEqual([]);
    });

  it("finds client namespaces where there are some, and every listed namespace is in the catalog", () => {
    expect(namespacesUsed(filesUnder(path.join(root, "app", "(public)")))).toContain("preferences");
    for (const list of Object.values(clientNamespaces)) for (const n of list) expect(Object.keys(catalogs.en)).toContain(n);
  });
});
