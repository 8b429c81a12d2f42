import type { Db } from "../connection";
import { apiKeys, brandSettings, staffUsers, purposes, purposeRecipients, notices, noticeVersions } from "../schema";
import type { ReferenceRows } from "./rows";

/** Brand, staff, purposes, recipients, notices and their versions, and any API keys, in one transaction. */
export function insertReferenceRows(db: Db, rows: ReferenceRows): void {
  db.$client.transaction(() => {
    db.insert(brandSettings).values(rows.brand).run();
    db.insert(staffUsers).values(rows.staff).run();
    db.insert(purposes).values(rows.purposes).run();
    if (rows.recipients.length) db.insert(purposeRecipients).values(rows.recipients).run();
    db.insert(notices).values(rows.notices).run();
    db.insert(noticeVersions).values(rows.noticeVersions).run();
    if (rows.apiKeys?.length) db.insert(apiKeys).values(rows.apiKeys).run();
  })();
}
