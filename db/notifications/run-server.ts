import "server-only";
// Apart from ./run.ts because importing db/client.ts opens the server's connection, which `npm run notify` must not do.
import { db } from "../client";
import { runStaffNotifications, type NotificationRun } from "./run";

/** The staff notification job on the server's own connection (lib/server/jobs.ts). */
export function notifyStaff(baseUrl: string, now = new Date()): NotificationRun {
  return runStaffNotifications(db, now, { baseUrl });
}
