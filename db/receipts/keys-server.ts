import "server-only";
// The app's receipt-key operations on the server's one connection (./keys.ts takes a connection for the CLI).
import { db } from "../client";
import { currentReceiptKeyIn, ensureReceiptKeyIn, listReceiptKeysIn, rotateReceiptKeyIn } from "./keys";
import type { NewReceiptKey, ReceiptKeyActor, ReceiptKeyReason } from "./keys";

export const listReceiptKeys = () => listReceiptKeysIn(db);
export const currentReceiptKey = () => currentReceiptKeyIn(db);
/** The current key, or `key` stored as the first one (the writer carries it: a key, not a function that makes one). */
export const ensureReceiptKeyWith = (key: NewReceiptKey, actor: ReceiptKeyActor) => ensureReceiptKeyIn(db, () => key, actor);
export const rotateReceiptKey = (key: NewReceiptKey, actor: ReceiptKeyActor, reason?: Exclude<ReceiptKeyReason, "first-use">) =>
  rotateReceiptKeyIn(db, key, actor, reason);
