import "server-only";
import { ConfigError, parseConfig, type Config } from "@/lib/config/env";

export type { Config };

// One reading per process, shared by every bundle that imports this module (instrumentation, routes).
const store = globalThis as unknown as { candorConfig?: Config };

/**
 * Candor's configuration: the one place the app reads process.env (the rules are in
 * lib/config/env.ts). Read once and kept; throws a ConfigError naming each bad variable.
 */
export function config(): Config {
  return (store.candorConfig ??= parseConfig(process.env, process.cwd()));
}

/**
 * Called when the server starts (instrumentation.ts): a bad variable stops it there, with a
 * message naming the variable, instead of failing on the first request that needs it.
 */
export function checkConfigAtStart(): void {
  try {
    // A development setting left on in a real deployment would let the webhook form reach internal services: say so.
    if (config().webhooksAllowInsecure)
      console.warn(
        "WEBHOOKS_ALLOW_INSECURE is on: webhook endpoints may use plain HTTP and loopback or private addresses. It is for development and tests only.",
      );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
