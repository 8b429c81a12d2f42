import * as consent from "../consent/consent";
import type { WriteOperation } from "./group-commit";

/**
 * The operations the writer thread carries (issue 22), by the name the port sends (db/port.ts, toWriter). Each is the
 * domain's synchronous operation, run on the writer's connection inside a group transaction (db/writer/group-commit.ts),
 * so its arguments and result must cross a thread (plain data, dates, no functions). Today: the consent ledger's
 * write path, which every ingest request (API, widget, preference center, GPC) takes. The rest of the app's writes
 * still run on the request's thread and meet the writer under SQLite's lock (busy timeout), as command-line jobs do.
 */
export const writeOperations = {
  "consent.recordConsent": consent.recordConsent,
} satisfies Record<string, WriteOperation>;

export type WriteOperationName = keyof typeof writeOperations;
