import "server-only";
// The app's API-key operations on the server's one connection; the functions they wrap take a
// connection (./api-keys.ts) so the bench can use them without opening this one.
import { db } from "../client";
import {
  findApiKeyByPlaintext,
  insertApiKey,
  listApiKeysIn,
  revokeApiKeyIn,
  touchApiKeyIn,
  TOUCH_INTERVAL_MS,
  type KeyActor,
  type NewApiKey,
} from "./api-keys";

export type { ApiKeyRow, CreatedApiKey, KeyActor, NewApiKey } from "./api-keys";

/** Creates a key (audited); the returned plaintext is shown once and never stored. */
export function createApiKey(input: NewApiKey, actor: KeyActor) {
  return insertApiKey(db, input, actor);
}

/** Revokes a key (audited); requests with it are refused from the next one on. */
export function revokeApiKey(id: number, actor: KeyActor) {
  return revokeApiKeyIn(db, id, actor);
}

export function listApiKeys() {
  return listApiKeysIn(db);
}

export function findApiKey(plaintext: string) {
  return findApiKeyByPlaintext(db, plaintext);
}

const globalForTouch = globalThis as unknown as { candorKeyTouches?: Map<number, number> };

/**
 * Whether a key's use is worth a write: the in-memory map (on the request thread, where the key is checked) spares
 * the store and the writer a write per request; the conditional UPDATE keeps it to once a minute across processes too.
 */
export function touchIsDue(id: number, now = Date.now()): boolean {
  const touches = (globalForTouch.candorKeyTouches ??= new Map());
  const last = touches.get(id);
  if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return false;
  touches.set(id, now);
  return true;
}

/** Notes a key's use at `now` (the write touchIsDue allowed). */
export function touchApiKeyAt(id: number, now: number): void {
  touchApiKeyIn(db, id, new Date(now));
}
