import "server-only";
import { toAsync, toWriter } from "../port";
import * as keys from "./keys-server";
import type { NewReceiptKey, ReceiptKeyActor } from "./keys";

// The receipts port (db/README.md): the brand's receipt signing keys.
export const listReceiptKeys = toAsync(keys.listReceiptKeys);
export const currentReceiptKey = toAsync(keys.currentReceiptKey);
// Through the writer thread when it is on (db/writer, issue 22). The key is made on the caller's thread (a function
// cannot cross to the writer), then stored there unless another caller stored one first.
const ensureReceiptKeyWith = toWriter("receipts.ensureReceiptKey", keys.ensureReceiptKeyWith);
export const ensureReceiptKey = async (make: () => NewReceiptKey, actor: ReceiptKeyActor) => ensureReceiptKeyWith(make(), actor);
export const rotateReceiptKey = toWriter("receipts.rotateReceiptKey", keys.rotateReceiptKey);

export type { NewReceiptKey, ReceiptKeyActor } from "./keys";
export type { ReceiptSigningKey } from "../schema";
