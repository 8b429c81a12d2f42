import "server-only";
import { toAsync } from "../port";
import { db } from "../client";
import type { Db } from "../connection";
import * as confirm from "./confirm";

// The propagation port (db/README.md): recipients and their paths, the events and deliveries that carry a
// person's choices and erasures to them, and their acknowledgements. Each helper module adds its exports here.
export type { Recipient, RecipientPath, Delivery, PropagationEventRow } from "../schema";
// Wakes the dispatcher as soon as a write queued deliveries (lib/server/jobs.ts subscribes).
export { onDeliveriesQueued } from "./wake";
void toAsync;

/** A (db, …) operation bound to the server's connection, as the port's async operation. */
const onServer =
  <A extends unknown[], R>(operation: (db: Db, ...args: A) => R) =>
  (...args: A): Promise<R> =>
    toAsync(operation)(db, ...args);

export const confirmByRecipient = onServer(confirm.confirmByRecipient);
export const confirmByOfficer = onServer(confirm.confirmByOfficer);
export type { OfficerConfirmationResult, OfficerTarget, RecipientConfirmation } from "./confirm";
