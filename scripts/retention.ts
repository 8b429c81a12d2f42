/**
 * Removes what need not be kept (see db/ops/retention.ts); the server also runs it daily.
 *   npm run retention -- [--outbox-days N]
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase, databasePath } from "@/db/connection";
import { defaultRetention, runRetention } from "@/db/ops/retention";

const usage = `usage: npm run retention -- [--outbox-days N]   (days a sent message's body is kept; default ${defaultRetention.outboxBodyDays})`;
const flagsSchema = z
  .object({
    "outbox-days": z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(3650)
      .default(defaultRetention.outboxBodyDays),
  })
  .strict();

let flags: z.infer<typeof flagsSchema>;
try {
  const parsed = flagsSchema.safeParse(parseArgs({ options: { "outbox-days": { type: "string" } }, strict: true }).values);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  flags = parsed.data;
} catch (error) {
  console.error(`retention: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}

const db = openDatabase(databasePath());
const started = Date.now();
const counts = runRetention(db, new Date(), { ...defaultRetention, outboxBodyDays: flags["outbox-days"] });
db.$client.close();
console.log(
  [
    `Retention run in ${Date.now() - started} ms (written to the audit log):`,
    `  one-time codes removed          ${counts.verificationCodes}`,
    `  expired export links removed    ${counts.exportLinks}`,
    `  message bodies removed          ${counts.outboxBodies} (sent more than ${flags["outbox-days"]} days ago)`,
    `  closed requests removed         ${counts.requests} (closed more than ${defaultRetention.requestRecordMonths} months ago), with ${counts.requestEvents} timeline entries and ${counts.requestMessages} messages`,
  ].join("\n"),
);
