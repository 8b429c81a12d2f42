import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { generateApiKey, hashApiKey, sameKeyName, staffApiKeyKinds, type ApiKeyKind } from "@/lib/api-keys/keys";
import { appendAuditEntry } from "./audit-chain";
import type { Db } from "../connection";
import { ConflictError, DuplicateError, NotFoundError } from "@/lib/errors";
import { apiKeys, staffUsers, type ApiKey } from "../schema";
import { perConnection } from "../prepared";

// Store functions that take the connection, so scripts (the bench) can create a key in their
// own store before a server starts; the app calls them through ./api-keys-server.ts, a module
// of its own because importing db/client.ts opens the server's connection.

/** Who creates or revokes a key: a staff member, or a script (id null) with a label. */
export type KeyActor = { id: number | null; email: string };

export type NewApiKey = { name: string; kind: ApiKeyKind; allowedOrigins: string[] };

/** The stored key and its plaintext, which exists only in this return value. */
export type CreatedApiKey = { key: ApiKey; plaintext: string };

/**
 * Creates a key and audits it in one transaction; the plaintext is returned once and never stored. A staff
 * key (secret, publishable) whose name an active key already has, ignoring case, is refused (DuplicateError
 * "name"), so the list never shows two live keys nobody can tell apart; a recipient's feed key is named by
 * the system after its recipient and is not refused.
 */
export function insertApiKey(db: Db, input: NewApiKey, actor: KeyActor): CreatedApiKey {
  const generated = generateApiKey(input.kind);
  return db.$client
    .transaction(() => {
      if ((staffApiKeyKinds as readonly ApiKeyKind[]).includes(input.kind)) {
        const active = db.select({ name: apiKeys.name }).from(apiKeys).where(isNull(apiKeys.revokedAt)).all();
        if (active.some((k) => sameKeyName(k.name, input.name))) throw new DuplicateError("name");
      }
      const key = db
        .insert(apiKeys)
        .values({
          name: input.name,
          kind: input.kind,
          prefix: generated.prefix,
          keyHash: generated.keyHash,
          allowedOrigins: input.kind === "publishable" ? input.allowedOrigins : [],
          createdById: actor.id,
        })
        .returning()
        .get();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "api-key.create",
        targetType: "api_key",
        targetId: key.id,
        details: { name: key.name, kind: key.kind, prefix: key.prefix, allowedOrigins: key.allowedOrigins },
      });
      return { key, plaintext: generated.plaintext };
    })
    .immediate();
}

/** Revokes a key at once and audits it; revoking twice is a conflict, not a second entry. */
export function revokeApiKeyIn(db: Db, id: number, actor: KeyActor): ApiKey {
  return db.$client
    .transaction(() => {
      const before = db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
      if (!before) throw new NotFoundError(`api key ${id}`);
      if (before.revokedAt) throw new ConflictError("wrong-status");
      const key = db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning().get();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "api-key.revoke",
        targetType: "api_key",
        targetId: id,
        details: { name: key.name, kind: key.kind, prefix: key.prefix },
      });
      return key;
    })
    .immediate();
}

export type ApiKeyRow = ApiKey & { createdByName: string | null; createdByEmail: string | null };

/** Every key, active ones first, newest first; no hashes leave this function. */
export function listApiKeysIn(db: Db): Omit<ApiKeyRow, "keyHash">[] {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      kind: apiKeys.kind,
      prefix: apiKeys.prefix,
      allowedOrigins: apiKeys.allowedOrigins,
      createdById: apiKeys.createdById,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdByName: staffUsers.name,
      createdByEmail: staffUsers.email,
    })
    .from(apiKeys)
    .leftJoin(staffUsers, eq(staffUsers.id, apiKeys.createdById))
    .orderBy(sql`${apiKeys.revokedAt} IS NOT NULL`, desc(apiKeys.createdAt), desc(apiKeys.id))
    .all();
}

/** The key a request presented, by its hash; revoked keys are returned too, so callers decide. */
// Every API request looks its key up: the statement is built once per connection, not per request (issue 22, stages).
const selectByHash = perConnection((d) =>
  d
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, sql.placeholder("hash")))
    .prepare(),
);

export function findApiKeyByPlaintext(db: Db, plaintext: string): ApiKey | undefined {
  return selectByHash(db).get({ hash: hashApiKey(plaintext) });
}

export const TOUCH_INTERVAL_MS = 60_000;

/**
 * Records that a key was used, at most once a minute: the condition makes the write a
 * no-op when another request (or process) already touched it within the minute.
 */
export function touchApiKeyIn(db: Db, id: number, now = new Date()): boolean {
  const result = db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - TOUCH_INTERVAL_MS)))))
    .run();
  return result.changes > 0;
}
