import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { z } from "zod";
import { REDACTED, redactedPaths, scrubText } from "@/lib/observability/log-redaction";
import { LOG_LEVELS } from "@/lib/config/env";
import { config } from "./config";

export type { Logger };

const levelSchema = z.enum(LOG_LEVELS);

function errorSerializer(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  for (const field of ["message", "stack"])
    if (typeof serialized[field] === "string") serialized[field] = scrubText(serialized[field] as string);
  return serialized;
}

/**
 * A JSON-lines logger: ISO time, level by name, credentials and contact details censored by
 * field (see redactedPaths), and email addresses, bearer tokens and API keys scrubbed from
 * messages and error text. The level comes from LOG_LEVEL (default info; a bad value stops the
 * server at start, lib/server/config.ts); a level given here that pino does not know falls back
 * to info rather than silencing the server.
 */
export function createLogger(destination?: DestinationStream, level: string = config().logLevel): Logger {
  const parsed = levelSchema.safeParse(level?.trim().toLowerCase() || "info");
  const logger = pino(
    {
      level: parsed.success ? parsed.data : "info",
      base: { service: "candor" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactedPaths, censor: REDACTED },
      serializers: { err: errorSerializer, error: errorSerializer },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === "string" ? scrubText(a) : a)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    destination,
  );
  if (!parsed.success) logger.warn({ given: String(level).slice(0, 20) }, "LOG_LEVEL is not a pino level; logging at info");
  return logger;
}

const globalForLog = globalThis as unknown as { candorLog?: Logger };

/** The server's logger (one per process). */
export const log: Logger = globalForLog.candorLog ?? createLogger();
globalForLog.candorLog = log;
