/**
 * Bundles the writer thread (db/writer/worker.ts, issue 22) and the reader thread beside it (db/reader/worker.ts), each
 * into one CommonJS file the server starts as a worker thread (db/writer/thread.ts). Next.js bundles the request thread's code; a worker thread needs a file of its own,
 * with the same db/ modules. Runs before `next build` and `next dev` (package.json prebuild/predev).
 *   npm run build:writer
 */
import fs from "node:fs";
import path from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { bundleFile, writerBundleFile } from "@/db/writer/bundle-path";

const root = path.resolve(__dirname, "..");

// db/ modules begin with `import "server-only"`, which only the react-server condition resolves to nothing; the
// writer thread is server code, so the marker is dropped rather than resolved.
const serverOnly: Plugin = {
  name: "server-only",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "candor-empty" }));
    b.onLoad({ filter: /.*/, namespace: "candor-empty" }, () => ({ contents: "", loader: "js" }));
  },
};

export const writerBuildOptions: BuildOptions = {
  entryPoints: [path.join(root, "db", "writer", "worker.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Packages load from node_modules as the server's do (better-sqlite3 is native); only Candor's own code is bundled.
  packages: "external",
  conditions: ["react-server"],
  plugins: [serverOnly],
  tsconfig: path.join(root, "tsconfig.json"),
  logLevel: "warning",
};

/** Builds `entry` with the writer's options into `file` through a temporary file, so a server starting meanwhile never reads half of it. */
async function bundleTo(file: string, entry: string): Promise<string> {
  const result = await build({ ...writerBuildOptions, entryPoints: [entry], write: false });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, result.outputFiles[0].contents);
  fs.renameSync(temporary, file);
  return file;
}

/** The writer thread's bundle, written to `file` (the one for the build folder NEXT_DIST_DIR names unless said). */
export function buildWriter(file = writerBundleFile(root, process.env.NEXT_DIST_DIR)): Promise<string> {
  return bundleTo(file, path.join(root, "db", "writer", "worker.ts"));
}

/** The reader thread's bundle (db/reader/worker.ts: the dashboards' aggregates), beside the writer's. */
export function buildReader(file = bundleFile("reader", root, process.env.NEXT_DIST_DIR)): Promise<string> {
  return bundleTo(file, path.join(root, "db", "reader", "worker.ts"));
}

if (require.main === module) {
  Promise.all([buildWriter(), buildReader()])
    .then((files) => {
      for (const [name, file] of [
        ["writer thread", files[0]],
        ["reader thread", files[1]],
      ])
        console.log(`${name}: ${path.relative(root, file)} ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
