import path from "node:path";

/**
 * Where scripts/build-writer.ts writes the writer thread's bundle and the server finds it: under .generated/ (ignored
 * by git), one per build folder (NEXT_DIST_DIR), so a test or bench build's server runs the writer bundled with it.
 */
export function writerBundleFile(cwd: string, distDir: string | undefined): string {
  const folder = distDir?.trim() ? path.basename(distDir.trim()).replace(/[^\w.-]/g, "_") : ".next";
  return path.join(cwd, ".generated", folder === ".next" ? "writer.cjs" : `writer${folder.startsWith(".") ? "" : "-"}${folder}.cjs`);
}
