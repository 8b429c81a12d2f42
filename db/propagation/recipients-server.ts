import "server-only";
// The recipient registry on the server's one connection; the functions it wraps take a connection
// (./recipients.ts, ./recipient-paths.ts) so scripts and test stores can use them without opening this one.
import type { EmailBatching } from "@/lib/propagation/vocabulary";
import type { RecipientFields } from "@/lib/propagation/recipient-schemas";
import { db } from "../client";
import * as paths from "./recipient-paths";
import * as registry from "./recipients";

type Actor = registry.RegistryActor;

export const listRecipients = () => registry.listRecipients(db);
export const getRecipient = (id: number) => registry.getRecipient(db, id);
export const listRecipientOptions = () => registry.listRecipientOptions(db);
export const createRecipient = (fields: RecipientFields, actor: Actor) => registry.createRecipient(db, fields, actor);
export const updateRecipient = (id: number, fields: RecipientFields, actor: Actor, options: { managesPaths: boolean }) =>
  registry.updateRecipient(db, id, fields, actor, options);

export const addWebhookPath = (input: { recipientId: number; url: string }, actor: Actor, check: paths.CheckEndpoint) =>
  paths.addWebhookPath(db, input, actor, check);
export const rotateWebhookSecret = (ref: paths.PathRef, actor: Actor) => paths.rotateWebhookSecret(db, ref, actor);
export const addFeedPath = (input: { recipientId: number }, actor: Actor) => paths.addFeedPath(db, input, actor);
export const addEmailPath = (input: { recipientId: number; emailBatching: EmailBatching }, actor: Actor) =>
  paths.addEmailPath(db, input, actor);
export const disablePath = (ref: paths.PathRef, actor: Actor) => paths.disablePath(db, ref, actor);
export const enablePath = (ref: paths.PathRef, actor: Actor, check: paths.CheckEndpoint) => paths.enablePath(db, ref, actor, check);
