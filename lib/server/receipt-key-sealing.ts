import "server-only";
import type { JWK } from "jose";
import { derivedKey, seal, unseal } from "@/lib/security/seal";
import { generateReceiptKey } from "@/lib/receipts/jws";
import { authSecret } from "./secret";

// The receipt signing key is kept like the product's other stored secrets (TOTP secrets, sealed links):
// AES-256-GCM under a key derived from the server secret (AUTH_SECRET, or the generated one beside the
// database) for this one use, so the database file or a backup alone never yields it. No store import:
// `npm run receipt-key` seals with it on its own connection.
const sealingKey = () => derivedKey(authSecret(), "receipt-signing-key");

/** A new key pair as the store keeps it: public JWK in clear, private JWK sealed. */
export async function newSealedReceiptKey() {
  const { kid, publicJwk, privateJwk } = await generateReceiptKey();
  return { kid, publicJwk, sealedPrivateKey: seal(sealingKey(), JSON.stringify(privateJwk)) };
}

/** The private JWK back; throws when it was sealed under another server secret or changed. */
export function openReceiptKey(sealed: string): JWK {
  return JSON.parse(unseal(sealingKey(), sealed)) as JWK;
}
