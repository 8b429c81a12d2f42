import "server-only";
import { toAsync, toWriter } from "../port";
import { db } from "../client";
import * as choices from "./choices";
import * as inbox from "./inbox";
import * as job from "./run-server";

// The staff notifications port (db/README.md): the profile's choices, the review inbox, and the job that tells staff.
export const getStaffProfile = toAsync((staffId: number) => choices.getStaffProfile(db, staffId));
// Through the writer thread when it is on (db/writer, issue 22), on that thread's connection.
export const saveStaffProfile = toWriter(
  "notifications.saveStaffProfile",
  (staffId: number, input: Parameters<typeof choices.saveStaffProfile>[2]) => choices.saveStaffProfile(db, staffId, input),
);

export const listReviewInbox = toAsync(inbox.listReviewInbox);
export const countReviewInbox = toAsync(inbox.countReviewInbox);

// On the caller's thread: the job runs four scans and the due digests, too long together to hold the writer.
export const notifyStaff = toAsync(job.notifyStaff);

export type { NotificationRun } from "./run";
export type { StaffProfile } from "./choices";
export type { ReviewItem, ReviewScope } from "./inbox";
