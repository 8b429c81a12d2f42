/**
 * Tells staff what waits on them (issue 16, deliverable 3), as the server's background job does every few
 * minutes: new requests, requests due within 3 days or overdue, items sent for review, failing recipient
 * paths, each to the members who asked (at once or in the daily digest), then the digests that are due
 * (from 08:00 on the brand's clock, once a day). A rerun tells nobody twice.
 *   npm run notify -- [--digest]   (--digest: send the waiting digests now, whatever the hour)
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { databasePath, openDatabase } from "@/db/connection";
import { runStaffNotifications } from "@/db/notifications/run";
import { config } from "@/lib/server/config";

const usage = "usage: npm run notify -- [--digest]   (--digest: send the waiting daily digests now, whatever the hour)";
const flagsSchema = z.object({ digest: z.boolean().default(false) }).strict();

let flags: z.infer<typeof flagsSchema>;
try {
  const parsed = flagsSchema.safeParse(parseArgs({ options: { digest: { type: "boolean" } }, strict: true }).values);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  flags = parsed.data;
} catch (error) {
  console.error(`notify: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}

const db = openDatabase(databasePath());
const run = runStaffNotifications(db, new Date(), { baseUrl: config().candorUrl, forceDigest: flags.digest });
db.$client.close();
console.log(`Staff notifications: ${run.told} recorded (immediate ones queued in the outbox), ${run.digests} daily digests queued.`);
