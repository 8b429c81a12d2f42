/**
 * Replaces the store with a backup, after checking the backup.
 *   npm run restore -- <backup.db> [--force]
 * Exit codes: 0 restored, 1 refused (unsound backup, or the store is open elsewhere), 2 bad flags.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { restoreStore, RestoreRefused } from "@/db/ops/backup";
import { databasePath } from "@/db/connection";
import { describeCheck } from "./ops/describe-check";

const usage = "usage: npm run restore -- <backup.db> [--force]   (--force: even if the store is open; restart the server at once)";
const argsSchema = z
  .object({
    file: z.string().trim().min(1),
    force: z.boolean().default(false),
  })
  .strict();

function args(): z.infer<typeof argsSchema> {
  try {
    const { values, positionals } = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new Error("name exactly one backup file");
    const parsed = argsSchema.safeParse({ file: positionals[0], force: values.force });
    if (parsed.success) return parsed.data;
    console.error(`restore: ${z.prettifyError(parsed.error)}\n${usage}`);
  } catch (error) {
    console.error(`restore: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  process.exit(2);
}

const { file, force } = args();
const store = databasePath();
try {
  const result = restoreStore(file, store, { force });
  console.log(`Restored ${store}\n    from ${file}`);
  for (const line of describeCheck(result.check)) console.log(line);
  if (result.migrated) console.log("The backup was behind on migrations; they have been applied.");
  if (result.erasuresReapplied === null)
    console.log(
      "WARNING: the replaced store could not be read, so erasures made since the backup could not be carried over; check the request log.",
    );
  else if (result.erasuresReapplied)
    console.log(`Erased again ${result.erasuresReapplied} subject(s) whose erasure came after the backup.`);
  if (force) console.log("Restart the server now: a running server still holds the replaced store open.");
} catch (error) {
  if (!(error instanceof RestoreRefused)) throw error;
  console.error(`restore: refused: ${error.message}`);
  process.exit(1);
}
