import type { Db } from "../connection";
import { brandPrivacy, purposeRecords, recipientTransfers } from "../schema";

export type DataMapRows = {
  purposeRecords: (typeof purposeRecords.$inferInsert)[];
  recipientTransfers: (typeof recipientTransfers.$inferInsert)[];
  brandPrivacy: typeof brandPrivacy.$inferInsert;
};

/** The data map's fields beyond purposes and recipients (issue 19), in one transaction, after the reference rows. */
export function insertDataMapRows(db: Db, rows: DataMapRows): void {
  db.$client.transaction(() => {
    if (rows.purposeRecords.length) db.insert(purposeRecords).values(rows.purposeRecords).run();
    if (rows.recipientTransfers.length) db.insert(recipientTransfers).values(rows.recipientTransfers).run();
    db.insert(brandPrivacy).values(rows.brandPrivacy).run();
  })();
}
