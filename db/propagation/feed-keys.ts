import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { insertApiKey, revokeApiKeyIn, type CreatedApiKey } from "../staff/api-keys";
import { apiKeys, type Recipient } from "../schema";
import type { RegistryActor } from "./recipients";

// A feed path's key (kind "recipient", rk_live_…) lives and dies with the path: made when the feed is added or
// switched back on, revoked when it is switched off, so a key never outlives the officer's decision to stop
// the feed. Both run in the caller's transaction and are audited (api-key.create, api-key.revoke).

/** A new key for a recipient's feed; its plaintext exists only in this answer (the page shows it once). */
export function issueFeedKey(db: Db, recipient: Pick<Recipient, "name">, actor: RegistryActor): CreatedApiKey {
  return insertApiKey(db, { name: `${recipient.name} (feed)`.slice(0, 100), kind: "recipient", allowedOrigins: [] }, actor);
}

/** Revokes a feed's key if it is still live; returns its prefix when it was revoked now, null when there was nothing to revoke. */
export function revokeFeedKey(db: Db, apiKeyId: number | null, actor: RegistryActor): string | null {
  if (apiKeyId === null) return null;
  const key = db.select({ prefix: apiKeys.prefix, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, apiKeyId)).get();
  if (!key || key.revokedAt) return null;
  revokeApiKeyIn(db, apiKeyId, actor);
  return key.prefix;
}
