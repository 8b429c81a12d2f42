import "server-only";
import { toAsync } from "../port";
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
void toAsync;

/** A (db, …) operation bound to the server's connection, as the port's async operation. */
const onServer =
  <A extends unknown[], R>(operation: (db: Db, ...args: A) => R) =>
  (...args: A): Promise<R> =>
    toAsync(operation)(db, ...args);

export const confirmByRecipient = onServer(confirm.confirmByRecipient);
export const confirmByOfficer = onServer(confirm.confirmByOfficer);
export type { OfficerConfirmationResult, OfficerTarget, RecipientConfirmation } from "./confirm";
export const readFeed = onServer(feed.readFeed);
export const recipientOfKey = onServer(feed.recipientOfKey);
export type { FeedEntry, FeedPage, KeyRecipient } from "./feed";

// The delivery dispatcher's work on the server's connection (dispatch.ts, email.ts, scrub.ts); lib/server/deliveries.ts runs it.
export function dispatchDueWebhooks(send: dispatch.SendWebhook, options: dispatch.WebhookDispatchOptions = {}) {
  return dispatch.dispatchWebhooks(db, send, options);
}
export const queueDueRecipientEmails = onServer(email.queueRecipientEmails);
export const scrubDueErasures = onServer(scrub.scrubSettledErasures);
export const emptyWalAfterScrub = onServer(scrub.emptyWalIfPending);
export type { SendWebhook, WebhookAttempt, WebhookDispatchOptions, WebhookDispatchResult, WebhookTarget } from "./dispatch";
export type { EmailQueueOptions, EmailQueueResult } from "./email";
export type { ScrubResult } from "./scrub";

// The recipient registry and its paths (recipients.ts, recipient-paths.ts, on the server's connection).
export const listRecipients = toAsync(recipients.listRecipients);
export const getRecipient = toAsync(recipients.getRecipient);
export const listRecipientOptions = toAsync(recipients.listRecipientOptions);
export const createRecipient = toAsync(recipients.createRecipient);
export const updateRecipient = toAsync(recipients.updateRecipient);
export const rotateWebhookSecret = toAsync(recipients.rotateWebhookSecret);
export const addFeedPath = toAsync(recipients.addFeedPath);
export const addEmailPath = toAsync(recipients.addEmailPath);
export const disablePath = toAsync(recipients.disablePath);
// Asynchronous already: each awaits the SSRF guard's look-up before its transaction.
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
export const replayDelivery = onServer(replay.replayDelivery);
export const replayParked = onServer(replay.replayParked);
export type { DeliveryListRow, RecipientDeliveries } from "./deliveries-list";
export type { ReplayOutcome } from "./replay";
