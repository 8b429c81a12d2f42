import "server-only";
// The app's receipt-key operations on the server's one connection (./keys.ts takes a connection for the CLI).
import { db } from "../client";
import { currentReceiptKeyIn, ensureReceiptKeyIn, listReceiptKeysIn, rotateReceiptKeyIn } from "./keys";
import type { NewReceiptKey, ReceiptKeyActor, ReceiptKeyReason } from "./keys";

export const listReceiptKeys = () => listReceiptKeysIn(db);
export const currentReceiptKey = () => currentReceiptKeyIn(db);
export const ensureReceiptKey = (make: () => NewReceiptKey, actor: ReceiptKeyActor) => ensureReceiptKeyIn(db, make, actor);
export const rotateReceiptKey = (key: NewReceiptKey, actor: ReceiptKeyActor, reason?: Exclude<ReceiptKeyReason, "first-use">) =>
  rotateReceiptKeyIn(db, key, actor, reason);
