import type { Db } from "../connection";
import {
  apiKeys,
  brandSettings,
  staffUsers,
  purposes,
  purposeRecipients,
  recipients,
  recipientPaths,
  notices,
  noticeVersions,
} from "../schema";
import type { ReferenceRows } from "./rows";

/** Brand, staff, purposes, the recipient registry and its links and paths, notices and their versions, and any API keys, in one transaction. */
export function insertReferenceRows(db: Db, rows: ReferenceRows): void {
  db.$client.transaction(() => {
    db.insert(brandSettings).values(rows.brand).run();
    db.insert(staffUsers).values(rows.staff).run();
    db.insert(purposes).values(rows.purposes).run();
    if (rows.recipients.length) db.insert(recipients).values(rows.recipients).run();
    if (rows.purposeRecipients.length) db.insert(purposeRecipients).values(rows.purposeRecipients).run();
    db.insert(notices).values(rows.notices).run();
    db.insert(noticeVersions).values(rows.noticeVersions).run();
    // Keys before paths: a feed path names its recipient key.
    if (rows.apiKeys?.length) db.insert(apiKeys).values(rows.apiKeys).run();
    if (rows.recipientPaths.length) db.insert(recipientPaths).values(rows.recipientPaths).run();
  })();
}
