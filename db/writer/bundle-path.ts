import path from "node:path";

/**
 * Where the server's own bundles are written and found: under .generated/ (ignored by git), one per build folder
 * (NEXT_DIST_DIR), so a test or bench build's server runs the code bundled with it. "writer" and "reader" are the writer
 * and reader threads (scripts/build-writer.ts), "server" the process that serves Next.js and the fast lane, "lane" the
 * consent endpoints' thread (scripts/build-server.ts).
 */
export function bundleFile(kind: "writer" | "reader" | "server" | "lane", cwd: string, distDir: string | undefined): string {
  const folder = distDir?.trim() ? path.basename(distDir.trim()).replace(/[^\w.-]/g, "_") : ".next";
  return path.join(cwd, ".generated", folder === ".next" ? `${kind}.cjs` : `${kind}${folder.startsWith(".") ? "" : "-"}${folder}.cjs`);
}

/** The writer thread's bundle for a build folder. */
export function writerBundleFile(cwd: string, distDir: string | undefined): string {
  return bundleFile("writer", cwd, distDir);
}
