import path from "node:path";

/** The test database the Playwright web server seeded for this run's port (see scripts/e2e-server.ts). */
export function e2eDatabasePath(): string {
  const port = process.env.E2E_PORT ?? "3100";
  return path.join(process.cwd(), "data", port === "3100" ? "e2e" : `e2e-${port}`, "candor.db");
}
