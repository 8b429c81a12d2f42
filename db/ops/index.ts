import "server-only";
import { toAsync } from "../port";
import * as health from "./health";
import * as retention from "./retention-server";

// The operations port (db/README.md): the server's daily retention run and its health check.
// On the caller's thread: the retention run deletes in bulk, too long to hold the writer and the ingest behind it.
export const removeExpiredData = toAsync(retention.removeExpiredData);
/** How long closed request records are kept (and so how long a status link must work). */
export { defaultRetention } from "./retention";
export const storeHealth = toAsync(health.storeHealth);
