import "server-only";
import { toAsync } from "../port";
import * as keys from "./keys-server";

// The receipts port (db/README.md): the brand's receipt signing keys.
export const listReceiptKeys = toAsync(keys.listReceiptKeys);
export const currentReceiptKey = toAsync(keys.currentReceiptKey);
export const ensureReceiptKey = toAsync(keys.ensureReceiptKey);
export const rotateReceiptKey = toAsync(keys.rotateReceiptKey);

export type { NewReceiptKey, ReceiptKeyActor } from "./keys";
export type { ReceiptSigningKey } from "../schema";
