import { pathState, type PathState } from "@/lib/propagation/paths";
import type { PathKind, PathStatus } from "@/lib/propagation/vocabulary";
import type { Db } from "../connection";

/** A path that cannot carry changes although nobody chose to stop it: the failures an officer is told of. */
export type PathFailure = {
  pathId: number;
  recipientId: number;
  recipient: string;
  kind: PathKind;
  state: Extract<PathState, "gone" | "key-revoked" | "no-contact-email">;
};

const failing = new Set<PathState>(["gone", "key-revoked", "no-contact-email"]);

/**
 * The recipient paths failing now, read from the propagation tables (read-only: the lead's domain owns them).
 * An officer's own switch-off is a choice, not a failure; a superseded path of a kind the recipient has again
 * is not read as failing either, since only the recipient's latest path of each kind counts.
 */
export function listFailingPaths(db: Db): PathFailure[] {
  const rows = db.$client
    .prepare(
      `SELECT p.id AS pathId, p.recipient_id AS recipientId, r.name AS recipient, p.kind, p.status, p.disabled_reason AS disabledReason,
              p.api_key_id AS apiKeyId, k.revoked_at AS keyRevokedAt, r.privacy_contact_email AS privacyContactEmail
       FROM recipient_paths p JOIN recipients r ON r.id = p.recipient_id LEFT JOIN api_keys k ON k.id = p.api_key_id
       WHERE p.id = (SELECT MAX(p2.id) FROM recipient_paths p2 WHERE p2.recipient_id = p.recipient_id AND p2.kind = p.kind)
       ORDER BY p.id`,
    )
    .all() as {
    pathId: number;
    recipientId: number;
    recipient: string;
    kind: PathKind;
    status: PathStatus;
    disabledReason: string | null;
    apiKeyId: number | null;
    keyRevokedAt: number | null;
    privacyContactEmail: string | null;
  }[];
  const out: PathFailure[] = [];
  for (const r of rows) {
    const state = pathState(
      { ...r, keyRevokedAt: r.keyRevokedAt === null ? null : new Date(r.keyRevokedAt) },
      { privacyContactEmail: r.privacyContactEmail },
    );
    if (failing.has(state))
      out.push({
        pathId: r.pathId,
        recipientId: r.recipientId,
        recipient: r.recipient,
        kind: r.kind,
        state: state as PathFailure["state"],
      });
  }
  return out;
}
