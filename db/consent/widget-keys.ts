import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "../client";
import { apiKeys } from "../schema";

export type PublishableKey = { id: number; name: string; allowedOrigins: string[] };

/** A live publishable key by the sha256 (hex) of its plaintext, or undefined when none matches or it was revoked. */
export function getPublishableKeyByHash(keyHash: string): PublishableKey | undefined {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, allowedOrigins: apiKeys.allowedOrigins })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), eq(apiKeys.kind, "publishable"), isNull(apiKeys.revokedAt)))
    .get();
}
