import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  id: number;
  at: number;
  actorId: number | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  details: string;
};

/** The hash of one audit entry: every field it holds, bound to the entry before it. */
export function entryHash(prevHash: string, e: ChainedFields): string {
  const canonical = JSON.stringify([e.id, e.at, e.actorId, e.actorLabel, e.action, e.targetType, e.targetId, e.outcome, e.details]);
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

export type ChainBreak = { id: number; reason: "hash-mismatch" | "prev-mismatch" };

/**
 * Walks entries in id order and returns the first one whose stored link or
 * hash does not match what its content and predecessor imply.
 */
export function findChainBreak(entries: Iterable<ChainedFields & { prevHash: string; hash: string }>): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  for (const e of entries) {
    if (e.prevHash !== expectedPrev) return { id: e.id, reason: "prev-mismatch" };
    if (entryHash(e.prevHash, e) !== e.hash) return { id: e.id, reason: "hash-mismatch" };
    expectedPrev = e.hash;
  }
  return null;
}
