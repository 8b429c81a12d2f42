import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { tsconfigEnv } from "./build-tsconfig";
import { bundleFile, writerBundleFile } from "../db/writer/bundle-path";

// The Playwright web server: a fresh, seeded test database and a production
// build in its own folder, so tests never touch the demo's data or build.
// Each port gets its own database and build folder, so two engineers (or
// two suites) can run Playwright at once with E2E_PORT set differently.
const root = process.cwd();
const port = process.env.PORT ?? "3100";
const suffix = port === "3100" ? "" : `-${port}`;
const dataDir = path.join(root, "data", `e2e${suffix}`);
const distDir = `.next-test${suffix}`;
const env = {
  ...process.env,
  DATABASE_PATH: path.join(dataDir, "candor.db"),
  NEXT_DIST_DIR: distDir,
  ...tsconfigEnv(root, distDir),
  PORT: port,
  NODE_ENV: "production" as const,
  // Links in the test server's messages lead back to it, at the address Playwright uses (playwright.config.ts).
  CANDOR_URL: `http://127.0.0.1:${port}`,
  // Webhook specs post to a receiver on 127.0.0.1 over plain HTTP, which only this development setting allows.
  WEBHOOKS_ALLOW_INSECURE: "true",
  NEXT_TELEMETRY_DISABLED: "1",
};

fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`e2e server: "${cmd} ${args.join(" ")}" failed`);
    process.exit(r.status ?? 1);
  }
}

run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts", "--subjects", "2000", "--events", "40000"]);
// `npm run build`, not `next build`: its prebuild step also bundles the consent widget that /embed/consent.js serves.
if (!process.env.E2E_SKIP_BUILD || !fs.existsSync(path.join(root, distDir, "BUILD_ID"))) run("npm", ["run", "build"]);
else {
  run("npm", ["run", "build:widget"]);
  // The writer thread's bundle for this build folder (db/writer), in case the build was made before it was bundled.
  if (!fs.existsSync(writerBundleFile(root, distDir)) || !fs.existsSync(bundleFile("reader", root, distDir)))
    run("npm", ["run", "build:writer"]);
  if (!fs.existsSync(bundleFile("server", root, distDir))) run("npm", ["run", "build:server"]);
}
// The production server as `npm start` runs it (scripts/serve.ts: Next.js and the consent endpoints' fast lane).
const server = spawn(process.execPath, [bundleFile("server", root, distDir), "--port", env.PORT], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
