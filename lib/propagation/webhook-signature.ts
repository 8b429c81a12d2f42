import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * Signing per the Standard Webhooks specification (standardwebhooks.com; issue 14, deliverable 5), so a
 * recipient checks Candor's deliveries with the specification's own libraries instead of code written for
 * Candor. This is the one place Candor signs; node:crypto keeps it pure (no next, no db).
 *
 * The signed content is `${id}.${timestamp}.${body}`: the id is the delivery's and stays the same on every
 * retry (receivers de-duplicate by it); the timestamp is taken afresh at each attempt, because receivers
 * refuse one outside their tolerance (five minutes in the reference libraries).
 */

const PREFIX = "whsec_";

/** Fewest and most random bytes in a secret: the specification asks for 24 to 64; Candor makes 32. */
export const SECRET_MIN_BYTES = 24;
export const SECRET_MAX_BYTES = 64;
const GENERATED_SECRET_BYTES = 32;

/** How long the previous secret keeps signing after a rotation, so a recipient can switch without losing deliveries. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

/** A stored or pasted secret: "whsec_" and the base64 of 24 to 64 bytes. */
export const webhookSecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, { error: "not-a-webhook-secret" })
  .refine(
    (s) => {
      const n = secretKey(s).length;
      return n >= SECRET_MIN_BYTES && n <= SECRET_MAX_BYTES;
    },
    { error: "not-a-webhook-secret" },
  );

/** A new secret, shown to the officer once: "whsec_" and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(GENERATED_SECRET_BYTES).toString("base64");
}

/** The HMAC key a secret stands for: the base64 after the prefix, decoded. */
function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

/** Unix seconds, as the webhook-timestamp header carries them. */
export function webhookTimestamp(at: Date | number): number {
  return Math.floor((typeof at === "number" ? at : at.getTime()) / 1000);
}

/** One `v1,<base64>` signature of a delivery with one secret. */
export function signatureEntry(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestamp}.${body}`, "utf8").digest("base64");
  return `v1,${mac}`;
}

export type WebhookHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

/**
 * The three headers for one attempt. Every secret in `secrets` signs (the current one and, during a
 * rotation, the previous one), space-separated as the specification allows, so a recipient still holding
 * either secret verifies.
 */
export function signWebhook(input: { id: string; timestamp: number; body: string; secrets: readonly string[] }): WebhookHeaders {
  if (input.secrets.length === 0) throw new RangeError("signWebhook needs at least one secret");
  // The id and timestamp are joined with "." in the signed content; a "." or space in the id would make it ambiguous.
  if (!/^[A-Za-z0-9_-]+$/.test(input.id)) throw new RangeError(`webhook id must be letters, digits, "_" or "-": ${input.id}`);
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0)
    throw new RangeError(`timestamp must be Unix seconds: ${input.timestamp}`);
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(input.timestamp),
    "webhook-signature": input.secrets.map((s) => signatureEntry(s, input.id, input.timestamp, input.body)).join(" "),
  };
}

/**
 * The secrets that sign at `now`: the current one, and the previous one until 24 hours after the
 * rotation (issue 14: "rotation keeps the old secret valid for 24 h with both signatures sent").
 */
export function signingSecrets(path: { secret: string; previousSecret: string | null; rotatedAt: number | null }, now: number): string[] {
  const inGrace = path.previousSecret !== null && path.rotatedAt !== null && now < path.rotatedAt + ROTATION_GRACE_MS;
  return inGrace ? [path.secret, path.previousSecret as string] : [path.secret];
}
