import "server-only";
import { log } from "./log";

export type Health = {
  status: "ok" | "degraded";
  database: { reachable: boolean; latencyMs: number | null };
  migrations: { applied: number; expected: number; current: boolean } | null;
  uptimeSeconds: number;
  checkedAt: string;
};

/**
 * Whether this server can do its work: the store opens and answers, and its migrations are
 * exactly the ones this build ships. Nothing from the store beyond counts leaves here.
 */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  let database: Health["database"] = { reachable: false, latencyMs: null };
  let migrations: Health["migrations"] = null;
  try {
    // Imported here, not at the top: a store that cannot be opened is a finding, not a crash.
    const { storeHealth } = await import("@/db/ops");
    const found = await storeHealth();
    database = { reachable: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    migrations = { applied: found.migrations.applied, expected: found.migrations.expected, current: found.migrations.current };
  } catch (error) {
    log.error({ err: error }, "health check: the store is unreachable");
  }
  return {
    status: database.reachable && migrations?.current ? "ok" : "degraded",
    database,
    migrations,
    uptimeSeconds: Math.round(process.uptime()),
    checkedAt: new Date().toISOString(),
  };
}
