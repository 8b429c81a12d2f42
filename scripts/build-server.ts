/**
 * Bundles the production server (scripts/serve.ts: Next.js behind the fast lane for the consent endpoints, issue 22)
 * into one CommonJS file `npm start` runs, and the consent endpoints' thread it starts (lib/server/lane-worker.ts)
 * into another, with the same options as the writer thread's bundle: Candor's own code bundled, packages loaded from
 * node_modules. Runs before `next build` (package.json prebuild).
 *   npm run build:server
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { bundleFile } from "@/db/writer/bundle-path";
import { writerBuildOptions } from "./build-writer";

const root = path.resolve(__dirname, "..");

/** Bundles `entry` to `file` through a temporary file, so a server starting meanwhile never reads half of it. */
async function bundleTo(file: string, entry: string): Promise<string> {
  const result = await build({
    ...writerBuildOptions,
    entryPoints: [entry],
    // Next.js compiles NEXT_RUNTIME into its server code (it is no variable of the process); the lane is server code
    // too, and db/connection.ts reads it to tell the server (writer thread on) from scripts and tests (inline writes).
    define: { "process.env.NEXT_RUNTIME": JSON.stringify("nodejs") },
    write: false,
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, result.outputFiles[0].contents);
  fs.renameSync(temporary, file);
  return file;
}

/** The server's bundle, written to `file` (the one for the build folder NEXT_DIST_DIR names unless said). */
export function buildServer(file = bundleFile("server", root, process.env.NEXT_DIST_DIR)): Promise<string> {
  return bundleTo(file, path.join(root, "scripts", "serve.ts"));
}

/** The consent endpoints' thread (lib/server/lane-worker.ts), beside the server's bundle. */
export function buildLane(file = bundleFile("lane", root, process.env.NEXT_DIST_DIR)): Promise<string> {
  return bundleTo(file, path.join(root, "lib", "server", "lane-worker.ts"));
}

if (require.main === module) {
  Promise.all([buildServer(), buildLane()])
    .then((files) => {
      for (const file of files) console.log(`${path.relative(root, file)} ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
