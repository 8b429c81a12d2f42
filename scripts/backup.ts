/**
 * Copies the store while the app serves, then checks the copy.
 *   npm run backup -- [--out PATH]
 * Exit codes: 0 written and sound, 1 written but the check found a fault, 2 bad flags or no store.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { backupStore, defaultBackupFile } from "@/db/ops/backup";
import { databasePath } from "@/db/connection";
import { isSound } from "@/db/ops/store-check";
import { describeCheck } from "./ops/describe-check";

const usage = "usage: npm run backup -- [--out PATH]   (default: data/backups/candor-<UTC stamp>.db beside the store)";
const flagsSchema = z
  .object({ out: z.string().trim().min(1, "--out needs a path").endsWith(".db", "--out must end in .db").optional() })
  .strict();

function flags(): z.infer<typeof flagsSchema> {
  try {
    const parsed = flagsSchema.safeParse(parseArgs({ options: { out: { type: "string" } }, strict: true }).values);
    if (parsed.success) return parsed.data;
    console.error(`backup: ${z.prettifyError(parsed.error)}\n${usage}`);
  } catch (error) {
    console.error(`backup: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  process.exit(2);
}

async function main(): Promise<number> {
  const { out } = flags();
  const store = databasePath();
  const target = path.resolve(out ?? defaultBackupFile(store));
  let result;
  try {
    result = await backupStore(store, target);
  } catch (error) {
    console.error(`backup: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const sound = isSound(result.check);
  console.log(`Backed up ${store}\n       to ${result.file} (${(result.bytes / 1_048_576).toFixed(1)} MB in ${result.ms} ms)`);
  for (const line of describeCheck(result.check)) console.log(line);
  console.log(sound ? "The backup is sound." : "The backup has a fault (above): do not rely on it.");
  return sound ? 0 : 1;
}

main().then((code) => process.exit(code));
