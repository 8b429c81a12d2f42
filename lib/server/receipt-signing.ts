import "server-only";
import { checkReceiptJws, signReceipt, type PublishedReceiptKey, type ReceiptCheck } from "@/lib/receipts/jws";
import {
  currentReceiptKey,
  ensureReceiptKey,
  listReceiptKeys,
  rotateReceiptKey,
  type ReceiptKeyActor,
  type ReceiptSigningKey,
} from "@/db/receipts";
import { log } from "./log";
import { newSealedReceiptKey, openReceiptKey } from "./receipt-key-sealing";

const system: ReceiptKeyActor = { id: null, email: "system" };

/**
 * The key that signs now, with its private half opened. Made on first need (audited as the system's). When
 * the current key cannot be opened, because AUTH_SECRET changed, it is retired (its public half still
 * verifies what it signed) and a new key signs from then on (audited with the reason "unreadable").
 */
async function signingKey(): Promise<{ row: ReceiptSigningKey; privateJwk: ReturnType<typeof openReceiptKey> }> {
  let row = await currentReceiptKey();
  if (!row) {
    const made = await newSealedReceiptKey();
    row = await ensureReceiptKey(() => made, system);
  }
  try {
    return { row, privateJwk: openReceiptKey(row.sealedPrivateKey) };
  } catch {
    log.warn({ kid: row.kid }, "receipt signing key sealed under another server secret: rotating");
    const fresh = await rotateReceiptKey(await newSealedReceiptKey(), system, "unreadable");
    return { row: fresh, privateJwk: openReceiptKey(fresh.sealedPrivateKey) };
  }
}

/** A consent receipt as a compact JWS signed with the brand's current key, and that key's kid. */
export async function signConsentReceipt(receipt: object): Promise<{ jws: string; kid: string }> {
  const { row, privateJwk } = await signingKey();
  return { jws: await signReceipt(receipt, { kid: row.kid, privateJwk }), kid: row.kid };
}

/** Every published key, current and retired, public halves only. */
export async function publishedReceiptKeys(): Promise<PublishedReceiptKey[]> {
  return (await listReceiptKeys()).map((k) => ({ kid: k.kid, publicJwk: k.publicJwk, createdAt: k.createdAt, retiredAt: k.retiredAt }));
}

/** Checks a pasted receipt against the published keys, on the server. */
export async function checkReceipt(token: string): Promise<ReceiptCheck> {
  return checkReceiptJws(token, await publishedReceiptKeys());
}

/** Retires the current key and makes a new one sign (audited as the actor's). */
export async function rotateReceiptSigningKey(actor: ReceiptKeyActor) {
  return rotateReceiptKey(await newSealedReceiptKey(), actor);
}
