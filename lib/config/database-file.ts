import path from "node:path";

/**
 * Where the SQLite store lives: DATABASE_PATH (relative to the working folder), or ./data/candor.db
 * when unset or blank. The server's configuration and db/connection.ts (scripts and tests open the
 * store without the server) both resolve it here, so they always agree.
 */
export function databaseFile(value: string | undefined, cwd: string): string {
  // The path comes from the environment at run time, so the bundler must not trace it.
  return path.resolve(/*turbopackIgnore: true*/ cwd, value?.trim() || path.join("data", "candor.db"));
}
