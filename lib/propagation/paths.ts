import type { PathKind, PathStatus } from "./vocabulary";
import { ROTATION_GRACE_MS } from "./webhook-signature";

/**
 * Where a recipient's path stands, for the pages that list paths and for privacy operations' share of
 * recipients with a working path (issue 14, deliverable 1). Pure: the store passes what it read.
 */

/** Why a path stopped: the webhook answered 410 Gone (the dispatcher switched it off), or an officer did. */
export const pathDisabledReasons = ["gone", "officer"] as const;
export type PathDisabledReason = (typeof pathDisabledReasons)[number];

/** What describing a path needs: its kind and status, and for a feed whether its key still exists and is live. */
export type PathFacts = {
  kind: PathKind;
  status: PathStatus;
  disabledReason: string | null;
  apiKeyId: number | null;
  /** The feed key's revocation, when it was revoked (on the API keys page); null while it is live. */
  keyRevokedAt: Date | null;
};

/** What describing a path needs of its recipient: an email path writes to the privacy contact. */
export type RecipientContact = { privacyContactEmail: string | null };

/**
 * One path's state: working; switched off after a 410 ("gone") or by an officer ("disabled"); or active
 * but unable to carry anything: a feed whose key was revoked or is missing, an email path whose recipient
 * has no privacy contact address.
 */
export const pathStates = ["working", "gone", "disabled", "key-revoked", "no-contact-email"] as const;
export type PathState = (typeof pathStates)[number];

export function pathState(path: PathFacts, recipient: RecipientContact): PathState {
  if (path.status === "disabled") return path.disabledReason === "gone" ? "gone" : "disabled";
  if (path.kind === "feed" && (path.apiKeyId === null || path.keyRevokedAt !== null)) return "key-revoked";
  if (path.kind === "email" && !recipient.privacyContactEmail?.trim()) return "no-contact-email";
  return "working";
}

/**
 * Whether a change can reach the recipient at all: an active webhook, an active feed with a live key,
 * or an active email path with a privacy contact address to write to.
 */
export function hasWorkingPath(paths: readonly PathFacts[], recipient: RecipientContact): boolean {
  return paths.some((p) => pathState(p, recipient) === "working");
}

/** A recipient's active path of a kind, if any: it holds at most one per kind, so a second waits until the first is switched off. */
export function activePathOfKind<P extends { kind: PathKind; status: PathStatus }>(paths: readonly P[], kind: PathKind): P | undefined {
  return paths.find((p) => p.kind === kind && p.status === "active");
}

/**
 * Until when the previous webhook secret still signs after a rotation (lib/propagation/webhook-signature.ts
 * signingSecrets), or null when it no longer does: the page tells the officer how long the recipient has.
 */
export function previousSecretSignsUntil(path: { hasPreviousSecret: boolean; rotatedAt: Date | null }, now: Date): Date | null {
  if (!path.hasPreviousSecret || path.rotatedAt === null) return null;
  const until = new Date(path.rotatedAt.getTime() + ROTATION_GRACE_MS);
  return until > now ? until : null;
}

/** How many recipients have a working path, of how many: privacy operations' share. */
export function workingPathShare(recipients: readonly { working: boolean }[]): { working: number; total: number } {
  return { working: recipients.filter((r) => r.working).length, total: recipients.length };
}
