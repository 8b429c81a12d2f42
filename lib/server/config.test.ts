import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The start check in a process of its own, as instrumentation.ts runs it when the server starts
// (e2e/configuration.spec.ts does the same with a real `next start`).
function start(env: Record<string, string>) {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const entry = 'require("./lib/server/config.ts").checkConfigAtStart(); console.log("started");';
  return spawnSync(tsx, ["--conditions=react-server", "-e", entry], {
    // A production start with only the variables given: none of the test runner's own.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("checkConfigAtStart", () => {
  it("stops the process with a message naming a malformed variable", () => {
    const r = start({ CANDOR_URL: "https://trust.example.com", LOG_LEVEL: "loud" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Candor cannot start: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'loud')");
    expect(r.stdout).not.toContain("started");
  });

  it("stops a production start without CANDOR_URL, and says what to set", () => {
    const r = start({});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("CANDOR_URL is required in production: set it to the address people reach Candor at");
  });

  it("lets a good configuration through", () => {
    const r = start({ CANDOR_URL: "https://trust.example.com", API_RATE_LIMIT: "off" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("started");
    expect(r.status).toBe(0);
  });
});
