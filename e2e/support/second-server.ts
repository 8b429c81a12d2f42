import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertApiKey } from "../../db/staff/api-keys";
import { backupStore } from "../../db/ops/backup";
import { openDatabase } from "../../db/connection";
import { startServer, type RunningServer } from "../../scripts/bench/http";
import { e2eDatabasePath } from "./paths";

export type SecondServer = { dir: string; store: string; key: string; start: () => Promise<RunningServer>; remove: () => void };

/** The build Playwright's web server made for this run's port (see scripts/e2e-server.ts). */
function e2eDistDir(): string {
  const port = process.env.E2E_PORT ?? "3100";
  return port === "3100" ? ".next-test" : `.next-test-${port}`;
}

/**
 * A second production server of the e2e build on its own port, over its own copy of the
 * seeded e2e store (taken with the online backup while the e2e server runs), with a secret
 * API key created directly in the copy. Tests may kill it at will; the suite's server and
 * store are never touched. `extraEnv` adds settings of its own (SMTP_URL, say; with it the copy's unsent mail is set aside).
 */
export async function secondServer(name: string, extraEnv: Record<string, string> = {}): Promise<SecondServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `candor-${name}-`));
  const store = path.join(dir, "candor.db");
  await backupStore(e2eDatabasePath(), store);
  const db = openDatabase(store);
  const { plaintext } = insertApiKey(db, { name: `${name} test`, kind: "secret", allowedOrigins: [] }, { id: null, email: `e2e-${name}` });
  // The suite's server sends no mail, so the copy holds every message the specs before this one queued. A test that
  // gives its server SMTP waits for its own messages, not for hundreds of others': they are set aside as failed.
  if (extraEnv.SMTP_URL)
    db.$client
      .prepare(
        "UPDATE outbox SET status = 'failed', error = 'set aside: queued by the suite''s server, which sends no mail' WHERE status <> 'sent' AND status <> 'failed'",
      )
      .run();
  db.$client.close();
  // Per-key rate limits off (as for the bench): these tests measure durability, not throttling.
  const env = {
    ...process.env,
    DATABASE_PATH: store,
    NEXT_DIST_DIR: e2eDistDir(),
    LOG_LEVEL: "warn",
    CANDOR_URL: "http://candor.test",
    API_RATE_LIMIT: "off",
    ...extraEnv,
  };
  return {
    dir,
    store,
    key: plaintext,
    start: () => startServer({ env, timeoutMs: 90_000 }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** SIGKILL to the server's whole process group: no shutdown hooks, no checkpoint, a crash. */
export async function crash(server: RunningServer): Promise<void> {
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  process.kill(-server.child.pid!, "SIGKILL");
  await exited;
}
