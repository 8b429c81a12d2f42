import "server-only";
import { toAsync, toReader, toWriter } from "../port";
import * as recipients from "./recipients-server";
import { db } from "../client";
import type { Db } from "../connection";
import * as confirm from "./confirm";
import * as acknowledgements from "./acknowledgements";
import * as toldPreview from "./told-preview";
import * as feed from "./feed";
import * as deliveriesList from "./deliveries-list";
import * as replay from "./replay";
import * as dispatch from "./dispatch";
import * as email from "./email";
import * as scrub from "./scrub";

// The propagation port (db/README.md): recipients and their paths, the events and deliveries that carry a
// person's choices and erasures to them, and their acknowledgements. Each helper module adds its exports here.
export type { Recipient, RecipientPath, Delivery, PropagationEventRow } from "../schema";
// Wakes the dispatcher as soon as a write queued deliveries (lib/server/jobs.ts subscribes).
export { onDeliveriesQueued } from "./wake";

/** A (db, …) operation bound to the server's connection, as the port's async operation. */
const onServer =
  <A extends unknown[], R>(operation: (db: Db, ...args: A) => R) =>
  (...args: A): Promise<R> =>
    toAsync(operation)(db, ...args);

/** A (db, …) write through the writer thread when it is on (db/writer, issue 22), bound to the connection of the thread it runs on. */
const onWriter = <A extends unknown[], R>(name: string, operation: (db: Db, ...args: A) => R) =>
  toWriter(name, (...args: A): R => operation(db, ...args));

// A confirmation is stored by the writer; the scrub that may follow can empty the WAL, which cannot run inside the
// writer's transaction, so it runs here after the commit, as it did after the confirmation's own transaction.
const storeRecipientConfirmation = onWriter("propagation.confirmByRecipient", confirm.storeRecipientConfirmation);
const storeOfficerConfirmation = onWriter("propagation.confirmByOfficer", confirm.storeOfficerConfirmation);
export async function confirmByRecipient(target: { recipientId: number; deliveryUid: string }, now = new Date()) {
  const { result, subjects } = await storeRecipientConfirmation(target, now);
  confirm.scrubFor(db, subjects, now);
  return result;
}
export async function confirmByOfficer(
  target: confirm.OfficerTarget,
  actor: { id: number; email: string },
  note: string,
  now = new Date(),
) {
  const { result, subjects } = await storeOfficerConfirmation(target, actor, note, now);
  confirm.scrubFor(db, subjects, now);
  return result;
}
export type { OfficerConfirmationResult, OfficerTarget, RecipientConfirmation } from "./confirm";
export const readFeed = onWriter("propagation.readFeed", feed.readFeed);
export const recipientOfKey = onServer(feed.recipientOfKey);
export type { FeedEntry, FeedPage, KeyRecipient } from "./feed";

// The delivery dispatcher's work on the server's connection (dispatch.ts, email.ts, scrub.ts); lib/server/deliveries.ts runs it.
// The webhooks run on the caller's thread (they await the network and take the sender, a function) but their two
// writes, claiming a round and recording its outcomes, go to the writer thread, so the request thread never waits
// for the write lock; the email queue reads outside the write lock by design and stores its messages on the writer; the scrub and the WAL's emptying
// checkpoint, which cannot run inside the writer's transaction.
const claimWebhooks = onWriter("propagation.claimWebhooks", dispatch.claimWebhooks);
const recordWebhookAttempts = onWriter(
  "propagation.recordWebhookAttempts",
  (on: Db, answered: { claim: dispatch.WebhookClaim; attempt: dispatch.WebhookAttempt }[], now: number) =>
    dispatch.recordWebhookAttempts(on, answered, now, Math.random),
);
export function dispatchDueWebhooks(send: dispatch.SendWebhook, options: dispatch.WebhookDispatchOptions = {}) {
  return dispatch.dispatchWebhooks(db, send, { store: { claim: claimWebhooks, record: recordWebhookAttempts }, ...options });
}
// The email path reads and words its messages on the reader thread (a run's worth: email.ts's EMAIL_RUN_LIMIT per
// recipient), outside the write lock and off the request thread, which under ingest would word a message per event;
// the writer stores them.
const planRecipientEmails = toReader("propagation.planRecipientEmails", (options: email.EmailQueueOptions) =>
  email.planRecipientEmails(db, options),
);
const writeRecipientEmails = onWriter("propagation.writeRecipientEmails", email.writeRecipientEmails);
export async function queueDueRecipientEmails(options: email.EmailQueueOptions): Promise<email.EmailQueueResult> {
  const plan = await planRecipientEmails(options);
  return plan.planned.length ? writeRecipientEmails(plan) : { notices: 0, digests: 0, deliveries: 0, more: plan.more };
}
export const scrubDueErasures = onServer(scrub.scrubSettledErasures);
export const emptyWalAfterScrub = onServer(scrub.emptyWalIfPending);
export type { SendWebhook, WebhookAttempt, WebhookDispatchOptions, WebhookDispatchResult, WebhookTarget } from "./dispatch";
export type { EmailQueueOptions, EmailQueueResult } from "./email";
export type { ScrubResult } from "./scrub";

// The recipient registry and its paths (recipients.ts, recipient-paths.ts); writes through the writer thread when it is on.
export const listRecipients = toAsync(recipients.listRecipients);
export const getRecipient = toAsync(recipients.getRecipient);
export const listRecipientOptions = toAsync(recipients.listRecipientOptions);
export const createRecipient = toWriter("propagation.createRecipient", recipients.createRecipient);
export const updateRecipient = toWriter("propagation.updateRecipient", recipients.updateRecipient);
export const rotateWebhookSecret = toWriter("propagation.rotateWebhookSecret", recipients.rotateWebhookSecret);
export const addFeedPath = toWriter("propagation.addFeedPath", recipients.addFeedPath);
export const addEmailPath = toWriter("propagation.addEmailPath", recipients.addEmailPath);
export const disablePath = toWriter("propagation.disablePath", recipients.disablePath);
// On the caller's thread: each awaits the SSRF guard's look-up (DNS) before its transaction, and takes it as a function.
export const addWebhookPath = recipients.addWebhookPath;
export const enablePath = recipients.enablePath;
export type { LinkedPurpose, PathSummary, RecipientListItem, RecipientOption } from "./recipients";
export type { CheckEndpoint, PathRef } from "./recipient-paths";

// Acknowledgements: a request's recipients told, who completing will tell, the officer's delivery tasks.
export const listRequestAcknowledgements = onServer(acknowledgements.listRequestAcknowledgements);
export const unconfirmedRequestDeliveries = onServer(acknowledgements.unconfirmedRequestDeliveries);
export const previewRequestRecipients = onServer(toldPreview.previewRequestRecipients);
export const listDeliveryTasks = onServer(acknowledgements.listDeliveryTasks);
export const countDeliveryTasks = onServer(acknowledgements.countDeliveryTasks);
export type { DeliveryTask } from "./acknowledgements";
export type { RecipientPreview } from "./told-preview";

// A recipient's deliveries and their replay (deliveries-list.ts, replay.ts, on the server's connection).
export const listRecipientDeliveries = onServer(deliveriesList.listRecipientDeliveries);
// Through the writer; the deliveries they queue wake the dispatcher here (db/writer/worker.ts forwards the wake).
export const replayDelivery = onWriter("propagation.replayDelivery", replay.replayDelivery);
export const replayParked = onWriter("propagation.replayParked", replay.replayParked);
export type { DeliveryListRow, RecipientDeliveries } from "./deliveries-list";
export type { ReplayOutcome } from "./replay";
