import type { Db } from "../connection";
import { subjectRequests, requestEvents, outbox, suppressionTombstones, requestAgents } from "../schema";
import type { RequestRows } from "./rows";

/** Subject requests with their timelines, outbox messages and erasure tombstones, in one transaction. */
export function insertRequestRows(db: Db, rows: RequestRows): void {
  db.$client.transaction(() => {
    if (rows.requests.length) db.insert(subjectRequests).values(rows.requests).run();
    // Chunked: one multi-row INSERT would pass SQLite's bound-parameter limit.
    for (let i = 0; i < rows.events.length; i += 500)
      db.insert(requestEvents)
        .values(rows.events.slice(i, i + 500))
        .run();
    for (let i = 0; i < rows.outbox.length; i += 500)
      db.insert(outbox)
        .values(rows.outbox.slice(i, i + 500))
        .run();
    if (rows.tombstones.length) db.insert(suppressionTombstones).values(rows.tombstones).run();
    if (rows.agents?.length) db.insert(requestAgents).values(rows.agents).run();
  })();
}
