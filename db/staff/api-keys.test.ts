import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/api-keys/keys";
import { findApiKeyByPlaintext, insertApiKey, listApiKeysIn, revokeApiKeyIn, touchApiKeyIn } from "./api-keys";
import { verifyAuditChain } from "./audit-chain";
import { openDatabase, type Db } from "../connection";
import { ConflictError, DuplicateError, NotFoundError } from "@/lib/errors";
import { createTempDatabase } from "../testing/temp-db";

const temp = createTempDatabase("api-keys");
let db: Db;
const actor = { id: 0, email: "admin@example.com" };

beforeAll(() => {
  db = openDatabase(temp.file);
  const { id } = db.$client
    .prepare(
      "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES ('admin@example.com', 'Ada Admin', 'admin', 'x', ?) RETURNING id",
    )
    .get(Date.now()) as { id: number };
  actor.id = id;
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

const audit = () =>
  db.$client.prepare("SELECT action, target_id AS targetId, details FROM audit_log ORDER BY id").all() as {
    action: string;
    targetId: string;
    details: string;
  }[];

describe("API keys in the store", () => {
  it("stores only the hash and prefix, returns the plaintext once, and audits the creation", () => {
    const { key, plaintext } = insertApiKey(
      db,
      { name: "Shop backend", kind: "secret", allowedOrigins: ["https://ignored.example"] },
      actor,
    );
    expect(plaintext).toMatch(/^ck_live_/);
    expect(key.prefix).toBe(plaintext.slice(0, 12));
    expect(key.keyHash).toBe(hashApiKey(plaintext));
    expect(key.allowedOrigins).toEqual([]);
    const raw = JSON.stringify(db.$client.prepare("SELECT * FROM api_keys").all());
    expect(raw).not.toContain(plaintext);
    const entry = audit().at(-1)!;
    expect(entry).toMatchObject({ action: "api-key.create", targetId: String(key.id) });
    expect(entry.details).not.toContain(plaintext.slice(12));
  });

  it("finds a key by its plaintext and nothing for an unknown one", () => {
    const { key, plaintext } = insertApiKey(db, { name: "Widget", kind: "publishable", allowedOrigins: ["https://shop.example"] }, actor);
    expect(findApiKeyByPlaintext(db, plaintext)?.id).toBe(key.id);
    expect(findApiKeyByPlaintext(db, `${plaintext}x`)).toBeUndefined();
    expect(key.allowedOrigins).toEqual(["https://shop.example"]);
  });

  it("lists keys with their creator, active first, without hashes", () => {
    const rows = listApiKeysIn(db);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toMatchObject({ createdByName: "Ada Admin" });
    expect(rows[0]).not.toHaveProperty("keyHash");
  });

  it("revokes once, audited, and refuses a second revocation or an unknown key", () => {
    const { key } = insertApiKey(db, { name: "Old", kind: "secret", allowedOrigins: [] }, { id: null, email: "bench" });
    const revoked = revokeApiKeyIn(db, key.id, actor);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(audit().at(-1)).toMatchObject({ action: "api-key.revoke", targetId: String(key.id) });
    const count = audit().length;
    expect(() => revokeApiKeyIn(db, key.id, actor)).toThrow(ConflictError);
    expect(() => revokeApiKeyIn(db, 999_999, actor)).toThrow(NotFoundError);
    expect(audit().length).toBe(count);
    expect(listApiKeysIn(db).at(-1)?.id).toBe(key.id);
    expect(verifyAuditChain(db).broken).toBeNull();
  });

  it("refuses a staff key named like an active key, whatever the case, and frees the name once that key is revoked", () => {
    const { key } = insertApiKey(db, { name: "Warehouse sync", kind: "secret", allowedOrigins: [] }, actor);
    const before = db.$client.prepare("SELECT count(*) AS n FROM api_keys").get() as { n: number };
    const auditBefore = audit().length;
    expect(() => insertApiKey(db, { name: "warehouse SYNC", kind: "publishable", allowedOrigins: [] }, actor)).toThrow(DuplicateError);
    expect(db.$client.prepare("SELECT count(*) AS n FROM api_keys").get()).toEqual(before);
    expect(audit().length).toBe(auditBefore);
    revokeApiKeyIn(db, key.id, actor);
    expect(insertApiKey(db, { name: "Warehouse sync", kind: "secret", allowedOrigins: [] }, actor).key.name).toBe("Warehouse sync");
  });

  it("never refuses a recipient's feed key, which the system names", () => {
    insertApiKey(db, { name: "Acme (feed)", kind: "secret", allowedOrigins: [] }, actor);
    expect(insertApiKey(db, { name: "Acme (feed)", kind: "recipient", allowedOrigins: [] }, actor).key.kind).toBe("recipient");
  });

  it("touches last use at most once a minute", () => {
    const { key } = insertApiKey(db, { name: "Busy", kind: "secret", allowedOrigins: [] }, actor);
    const t0 = new Date("2026-01-01T00:00:00Z");
    expect(touchApiKeyIn(db, key.id, t0)).toBe(true);
    expect(touchApiKeyIn(db, key.id, new Date(t0.getTime() + 30_000))).toBe(false);
    expect(touchApiKeyIn(db, key.id, new Date(t0.getTime() + 61_000))).toBe(true);
  });
});
