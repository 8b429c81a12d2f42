import { z } from "zod";
import { databaseFile } from "./database-file";

/** The pino levels LOG_LEVEL may name. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ["development", "production", "test"] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Candor's settings, read from the environment and checked once, when the server starts (lib/server/config.ts). */
export type Config = {
  nodeEnv: NodeEnv;
  port: number;
  /** Absolute path of the SQLite store. */
  databasePath: string;
  /** The origin people reach Candor at, without a trailing slash: every link in a message starts with it. */
  candorUrl: string;
  logLevel: LogLevel;
  /** API requests per second per key; null when the limit is off (the bench). */
  apiRateLimit: number | null;
  /** Outgoing mail; null keeps messages in the outbox viewer. */
  smtp: { url: string; from: string | undefined } | null;
  authSecret: string | undefined;
  preferencesLinkSecret: string | undefined;
  /** Development and tests only: webhook endpoints may be plain HTTP and loopback/private addresses (lib/propagation/endpoint-guard.ts). */
  webhooksAllowInsecure: boolean;
  /** Whether the server runs the delivery dispatcher itself; off when `npm run deliveries` runs it apart (lib/server/deliveries.ts). */
  deliveriesDispatcher: boolean;
  /** Whether the single-event ingest route answers with a Server-Timing header of its stages (the bench; off by default). */
  serverTiming: boolean;
};

export type Environment = Readonly<Record<string, string | undefined>>;

/** One message per bad variable, each naming it, so the operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Candor cannot start: ${problems.length === 1 ? problems[0] : `\n- ${problems.join("\n- ")}`}`);
    this.name = "ConfigError";
  }
}

const quoted = (value: string) => `'${value.length > 80 ? `${value.slice(0, 80)}…` : value}'`;

/** A variable's rule: how to read it, what it must be, and what of a bad value may be shown (secrets never are). */
function variable<T>(name: string, read: (value: string) => T | undefined, expected: string, shown: (value: string) => string = quoted) {
  // Blank counts as unset: an `X=` line in an env file means "not configured".
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .transform((value, ctx) => {
        const parsed = read(value.trim());
        if (parsed === undefined) {
          ctx.addIssue({ code: "custom", message: `${name} must be ${expected} (got ${shown(value.trim())})` });
          return z.NEVER;
        }
        return parsed;
      })
      .optional(),
  );
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** An http(s) origin: scheme, host and port, nothing after. */
export function httpOrigin(value: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return undefined;
  const plain = !url.username && !url.password && url.pathname === "/" && !url.search && !url.hash;
  return (url.protocol === "http:" || url.protocol === "https:") && plain ? url.origin : undefined;
}

// Only the scheme of a bad SMTP_URL is repeated: the rest may hold the mail account's password.
function urlScheme(value: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  return scheme ? `a ${scheme}: address` : "something that is not a URL";
}

const secret = (name: string) =>
  variable(
    name,
    (v) => (v.length >= 16 ? v : undefined),
    "at least 16 characters long (openssl rand -base64 32 makes one)",
    (v) => (v.length === 1 ? "1 character" : `${v.length} characters`),
  );

/** An on/off setting: true, false, 1, 0, yes, no, on or off, in any case. */
export function parseFlag(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (["true", "1", "yes", "on"].includes(v)) return true;
  if (["false", "0", "no", "off"].includes(v)) return false;
  return undefined;
}

const schema = z.object({
  NODE_ENV: variable("NODE_ENV", (v) => NODE_ENVS.find((e) => e === v), `one of ${NODE_ENVS.join(", ")}`),
  PORT: variable("PORT", (v) => (/^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535 ? +v : undefined), "a port number from 1 to 65535"),
  DATABASE_PATH: variable("DATABASE_PATH", (v) => (/[\\/]$/.test(v) ? undefined : v), "the path of the SQLite file, not of a folder"),
  CANDOR_URL: variable(
    "CANDOR_URL",
    httpOrigin,
    "the http(s) address people reach Candor at, with no path, such as https://trust.example.com",
  ),
  LOG_LEVEL: variable("LOG_LEVEL", (v) => LOG_LEVELS.find((l) => l === v.toLowerCase()), `one of ${LOG_LEVELS.join(", ")}`),
  API_RATE_LIMIT: variable(
    "API_RATE_LIMIT",
    (v) => (v === "off" ? ("off" as const) : /^\d+(\.\d+)?$/.test(v) && +v > 0 ? +v : undefined),
    "a positive number of requests per second per API key, or off",
  ),
  SMTP_URL: variable(
    "SMTP_URL",
    (v) => {
      const url = parseUrl(v);
      return url && (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname ? v : undefined;
    },
    "an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587",
    urlScheme,
  ),
  SMTP_FROM: variable(
    "SMTP_FROM",
    (v) => (/^([^<>@\s]+@[^<>@\s]+|[^<>]*<[^<>@\s]+@[^<>@\s]+>)$/.test(v) ? v : undefined),
    "an email address, with a name if you like: Northtrail Privacy <privacy@northtrail.example>",
  ),
  AUTH_SECRET: secret("AUTH_SECRET"),
  PREFERENCES_LINK_SECRET: secret("PREFERENCES_LINK_SECRET"),
  WEBHOOKS_ALLOW_INSECURE: variable("WEBHOOKS_ALLOW_INSECURE", parseFlag, "true or false"),
  DELIVERIES_DISPATCHER: variable(
    "DELIVERIES_DISPATCHER",
    parseFlag,
    "on or off (off when npm run deliveries sends from a process of its own)",
  ),
  SERVER_TIMING: variable("SERVER_TIMING", parseFlag, "on or off (on makes the ingest route say where its time went)"),
});

/**
 * Reads Candor's settings from an environment, or throws a ConfigError naming every bad variable.
 * CANDOR_URL is required in production, except while `next build` evaluates modules (nothing is
 * sent then); elsewhere it defaults to http://localhost:PORT.
 */
export function parseConfig(env: Environment, cwd: string): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const production = env.NODE_ENV?.trim() === "production" && env.NEXT_PHASE !== "phase-production-build";
  if (production && !env.CANDOR_URL?.trim())
    problems.push(
      "CANDOR_URL is required in production: set it to the address people reach Candor at, such as https://trust.example.com (every link in an email starts with it)",
    );
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const v = parsed.data;
  const port = v.PORT ?? 3000;
  return {
    nodeEnv: v.NODE_ENV ?? "development",
    port,
    databasePath: databaseFile(v.DATABASE_PATH, cwd),
    candorUrl: v.CANDOR_URL ?? `http://localhost:${port}`,
    logLevel: v.LOG_LEVEL ?? "info",
    apiRateLimit: v.API_RATE_LIMIT === "off" ? null : (v.API_RATE_LIMIT ?? 200),
    smtp: v.SMTP_URL ? { url: v.SMTP_URL, from: v.SMTP_FROM } : null,
    authSecret: v.AUTH_SECRET,
    preferencesLinkSecret: v.PREFERENCES_LINK_SECRET,
    webhooksAllowInsecure: v.WEBHOOKS_ALLOW_INSECURE ?? false,
    deliveriesDispatcher: v.DELIVERIES_DISPATCHER ?? true,
    serverTiming: v.SERVER_TIMING ?? false,
  };
}
