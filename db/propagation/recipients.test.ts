import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkEndpoint, type ResolveHost } from "@/lib/propagation/endpoint-guard";
import { signingSecrets, webhookSecretSchema } from "@/lib/propagation/webhook-signature";
import { hashApiKey } from "@/lib/api-keys/keys";
import { ConflictError, DuplicateError, NotFoundError, RefusedError } from "@/lib/errors";
import { openDatabase, type Db } from "../connection";
import { verifyAuditChain } from "../staff/audit-chain";
import { createTempDatabase } from "../testing/temp-db";
import { createRecipient, getRecipient, listRecipientOptions, listRecipients, updateRecipient } from "./recipients";
import {
  addEmailPath,
  addFeedPath,
  addWebhookPath,
  disablePath,
  enablePath,
  rotateWebhookSecret,
  type CheckEndpoint,
} from "./recipient-paths";

const temp = createTempDatabase("recipients");
let db: Db;
const officer = { id: 0, email: "officer@example.com" };

// A resolver that never reaches the network, answering as a real one would.
const dns: Record<string, string[]> = {
  localhost: ["127.0.0.1"],
  "hooks.vendor.example": ["93.184.216.34"],
  "moved.vendor.example": ["93.184.216.34"],
  "rebound.vendor.example": ["93.184.216.34", "10.1.2.3"],
};
const resolve: ResolveHost = async (host) => {
  const found = dns[host];
  if (!found) throw new Error(`ENOTFOUND ${host}`);
  return found;
};
const strict: CheckEndpoint = (url) => checkEndpoint(url, resolve, { allowInsecure: false });
const insecure: CheckEndpoint = (url) => checkEndpoint(url, resolve, { allowInsecure: true });

const vendor = (name: string, email: string | null = "privacy@vendor.example") => ({
  name,
  role: "processor" as const,
  country: "IE",
  privacyContactName: email ? "Dana Reyes" : null,
  privacyContactEmail: email,
});

const auditRows = () =>
  db.$client.prepare("SELECT action, target_type AS targetType, target_id AS targetId, details FROM audit_log ORDER BY id").all() as {
    action: string;
    targetType: string;
    targetId: string;
    details: string;
  }[];

async function refusal(run: () => Promise<unknown>): Promise<RefusedError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof RefusedError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(() => {
  db = openDatabase(temp.file);
  officer.id = (
    db.$client
      .prepare(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at) VALUES (?, 'Olive Officer', 'privacy_officer', 'x', 0) RETURNING id",
      )
      .get(officer.email) as { id: number }
  ).id;
});
afterAll(() => {
  db.$client.close();
  temp.cleanup();
});

describe("the recipient registry", () => {
  it("creates a recipient, audited, and lists it with no purposes, no paths and no working path", () => {
    const r = createRecipient(db, vendor("MailHarbor Inc."), officer);
    expect(r).toMatchObject({ name: "MailHarbor Inc.", role: "processor", country: "IE", privacyContactEmail: "privacy@vendor.example" });
    expect(auditRows().at(-1)).toMatchObject({ action: "recipient.create", targetType: "recipient", targetId: String(r.id) });
    const listed = listRecipients(db).find((x) => x.id === r.id)!;
    expect(listed).toMatchObject({ purposes: [], paths: [], working: false });
    expect(listRecipientOptions(db)).toContainEqual({ id: r.id, name: "MailHarbor Inc.", role: "processor", country: "IE" });
  });

  it("refuses a second recipient of the same name in any case", () => {
    expect(() => createRecipient(db, vendor("mailharbor inc."), officer)).toThrow(DuplicateError);
  });

  it("updates the facts, audits which changed, and writes nothing when nothing changed", () => {
    const r = createRecipient(db, vendor("CloudNest Hosting GmbH"), officer);
    const updated = updateRecipient(
      db,
      r.id,
      { ...vendor("CloudNest Hosting GmbH"), country: "DE", privacyContactEmail: "dpo@cloudnest.example" },
      officer,
      { managesPaths: true },
    );
    expect(updated).toMatchObject({ country: "DE", privacyContactEmail: "dpo@cloudnest.example" });
    expect(updated.updatedAt).toBeInstanceOf(Date);
    expect(JSON.parse(auditRows().at(-1)!.details)).toEqual({
      name: "CloudNest Hosting GmbH",
      changed: ["country", "privacyContactEmail"],
    });
    const count = auditRows().length;
    updateRecipient(
      db,
      r.id,
      { ...vendor("CloudNest Hosting GmbH"), country: "DE", privacyContactEmail: "dpo@cloudnest.example" },
      officer,
      { managesPaths: true },
    );
    expect(auditRows().length).toBe(count);
    expect(() => updateRecipient(db, r.id, vendor("MAILHARBOR INC."), officer, { managesPaths: true })).toThrow(DuplicateError);
    expect(() => updateRecipient(db, 999_999, vendor("Nobody"), officer, { managesPaths: true })).toThrow(NotFoundError);
  });

  it("lets only someone who manages paths change the contact address an active email path writes to", () => {
    const admin = { id: null, email: "admin@example.com" };
    const r = createRecipient(db, vendor("Postbox Mailers Ltd."), officer);
    // No email path yet: the contact is a fact like any other.
    updateRecipient(db, r.id, vendor("Postbox Mailers Ltd.", "privacy@postbox.example"), admin, { managesPaths: false });
    const path = addEmailPath(db, { recipientId: r.id, emailBatching: "each" }, officer);
    const count = auditRows().length;
    for (const email of ["me@attacker.example", null]) {
      const refused = (() => {
        try {
          updateRecipient(db, r.id, vendor("Postbox Mailers Ltd.", email), admin, { managesPaths: false });
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toEqual(new RefusedError("email-path-contact", "privacyContactEmail"));
    }
    expect(getRecipient(db, r.id)!.privacyContactEmail).toBe("privacy@postbox.example");
    expect(auditRows().length).toBe(count);
    // The other facts are still the admin's to change, and an officer may move the address.
    expect(
      updateRecipient(db, r.id, { ...vendor("Postbox Mailers Ltd.", "privacy@postbox.example"), country: "GB" }, admin, {
        managesPaths: false,
      }).country,
    ).toBe("GB");
    expect(
      updateRecipient(db, r.id, { ...vendor("Postbox Mailers Ltd.", "dpo@postbox.example"), country: "GB" }, officer, {
        managesPaths: true,
      }).privacyContactEmail,
    ).toBe("dpo@postbox.example");
    // Once the email path is off, the address is a fact again.
    disablePath(db, { recipientId: r.id, pathId: path.id }, officer);
    updateRecipient(db, r.id, { ...vendor("Postbox Mailers Ltd.", "legal@postbox.example"), country: "GB" }, admin, {
      managesPaths: false,
    });
  });

  it("lists the purposes that send a recipient data, once each", () => {
    const r = createRecipient(db, vendor("Parcelway Logistics GmbH"), officer);
    const { id: purposeId } = db.$client
      .prepare(
        `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, channels, benefit, status, created_at)
         VALUES ('orders', 'Orders', 'd', 'contract', '["contact"]', 365, '[]', 'b', 'active', 0) RETURNING id`,
      )
      .get() as { id: number };
    db.$client.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)").run(purposeId, r.id);
    expect(getRecipient(db, r.id)?.purposes).toEqual([{ id: purposeId, key: "orders", name: "Orders", status: "active" }]);
    expect(getRecipient(db, 999_999)).toBeUndefined();
  });

  it("leaves out a purpose whose link a revision closed: that is history, not today's data map", () => {
    const r = createRecipient(db, vendor("Yamabiko Transport K.K."), officer);
    const { id: purposeId } = db.$client
      .prepare(
        `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, channels, benefit, status, created_at)
         VALUES ('returns', 'Returns', 'd', 'contract', '["contact"]', 365, '[]', 'b', 'active', 0) RETURNING id`,
      )
      .get() as { id: number };
    db.$client.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id, unlinked_at) VALUES (?, ?, 1)").run(purposeId, r.id);
    expect(getRecipient(db, r.id)?.purposes).toEqual([]);
    expect(listRecipients(db).find((x) => x.id === r.id)?.purposes).toEqual([]);
  });
});

describe("webhook paths", () => {
  it("saves a public https endpoint, returns its whsec_ secret once, and keeps it out of every read and the audit log", async () => {
    const r = createRecipient(db, vendor("Sentinel Risk Scoring Inc."), officer);
    const { path, secret } = await addWebhookPath(db, { recipientId: r.id, url: "https://hooks.vendor.example/candor" }, officer, strict);
    expect(webhookSecretSchema.safeParse(secret).success).toBe(true);
    expect(path).toMatchObject({ kind: "webhook", status: "active", url: "https://hooks.vendor.example/candor", hasPreviousSecret: false });
    expect(path).not.toHaveProperty("secret");
    const detail = getRecipient(db, r.id)!;
    expect(detail.working).toBe(true);
    expect(JSON.stringify(detail)).not.toContain(secret);
    expect(JSON.stringify(auditRows())).not.toContain(secret.slice(6));
    expect(auditRows().at(-1)).toMatchObject({ action: "recipient.path.add", targetId: String(r.id) });
  });

  it("refuses loopback, localhost, private and metadata addresses and plain http with the setting off, naming each reason", async () => {
    const r = createRecipient(db, vendor("Guarded Ltd."), officer);
    const cases: [string, string, Record<string, string>][] = [
      ["https://127.0.0.1/hook", "not-public", { address: "127.0.0.1", range: "loopback" }],
      ["https://localhost/hook", "not-public", { address: "localhost", range: "loopback" }],
      ["https://10.0.0.1/hook", "not-public", { address: "10.0.0.1", range: "private" }],
      ["https://169.254.169.254/latest/meta-data", "not-public", { address: "169.254.169.254", range: "linkLocal" }],
      ["http://hooks.vendor.example/hook", "not-https", {}],
      ["https://rebound.vendor.example/hook", "not-public", { address: "10.1.2.3", range: "private" }],
      ["https://nowhere.vendor.example/hook", "unresolved", {}],
    ];
    for (const [url, code, values] of cases) {
      const e = await refusal(() => addWebhookPath(db, { recipientId: r.id, url }, officer, strict));
      expect({ url, code: e.code, field: e.field, values: e.values }).toEqual({ url, code, field: "url", values });
    }
    expect(getRecipient(db, r.id)!.paths).toEqual([]);
    expect(auditRows().filter((a) => a.action === "recipient.path.add" && a.targetId === String(r.id))).toEqual([]);
  });

  it("takes a 127.0.0.1 http endpoint only with the development setting on", async () => {
    const r = createRecipient(db, vendor("Local Receiver"), officer);
    const { path } = await addWebhookPath(db, { recipientId: r.id, url: "http://127.0.0.1:9000/hook" }, officer, insecure);
    expect(path.url).toBe("http://127.0.0.1:9000/hook");
  });

  it("refuses a second active webhook and an unknown recipient", async () => {
    const r = createRecipient(db, vendor("Twice Hooked"), officer);
    await addWebhookPath(db, { recipientId: r.id, url: "https://hooks.vendor.example/a" }, officer, strict);
    await expect(addWebhookPath(db, { recipientId: r.id, url: "https://hooks.vendor.example/b" }, officer, strict)).rejects.toThrow(
      ConflictError,
    );
    await expect(addWebhookPath(db, { recipientId: 999_999, url: "https://hooks.vendor.example/c" }, officer, strict)).rejects.toThrow(
      NotFoundError,
    );
  });

  it("rotates the secret, keeping the previous one signing for 24 hours", async () => {
    const r = createRecipient(db, vendor("Rotating Ltd."), officer);
    const first = await addWebhookPath(db, { recipientId: r.id, url: "https://hooks.vendor.example/r" }, officer, strict);
    const rotated = rotateWebhookSecret(db, { recipientId: r.id, pathId: first.path.id }, officer);
    expect(rotated.secret).not.toBe(first.secret);
    expect(rotated.path.hasPreviousSecret).toBe(true);
    const row = db.$client
      .prepare("SELECT secret, previous_secret AS previousSecret, rotated_at AS rotatedAt FROM recipient_paths WHERE id = ?")
      .get(first.path.id) as {
      secret: string;
      previousSecret: string;
      rotatedAt: number;
    };
    expect(signingSecrets(row, row.rotatedAt + 1000)).toEqual([rotated.secret, first.secret]);
    expect(signingSecrets(row, row.rotatedAt + 24 * 3_600_000)).toEqual([rotated.secret]);
    expect(auditRows().at(-1)).toMatchObject({ action: "recipient.path.rotate-secret" });
    expect(JSON.stringify(auditRows())).not.toContain(rotated.secret.slice(6));
  });

  it("re-checks the endpoint when a webhook is enabled again", async () => {
    const r = createRecipient(db, vendor("Moved Ltd."), officer);
    const { path } = await addWebhookPath(db, { recipientId: r.id, url: "https://moved.vendor.example/hook" }, officer, strict);
    disablePath(db, { recipientId: r.id, pathId: path.id }, officer);
    dns["moved.vendor.example"] = ["192.168.1.20"];
    const e = await refusal(() => enablePath(db, { recipientId: r.id, pathId: path.id }, officer, strict));
    expect(e).toMatchObject({ code: "not-public", values: { address: "192.168.1.20", range: "private" } });
    expect(getRecipient(db, r.id)!.paths[0].status).toBe("disabled");
    dns["moved.vendor.example"] = ["93.184.216.34"];
    expect((await enablePath(db, { recipientId: r.id, pathId: path.id }, officer, strict)).path).toMatchObject({
      status: "active",
      disabledReason: null,
    });
  });
});

describe("feed and email paths", () => {
  it("adds a feed with the recipient's own rk_live_ key, returned once and stored only as a hash", () => {
    const r = createRecipient(db, vendor("Ledgerline Accounting"), officer);
    const { path, key } = addFeedPath(db, { recipientId: r.id }, officer);
    expect(key).toMatch(/^rk_live_/);
    expect(path).toMatchObject({ kind: "feed", status: "active", keyPrefix: key.slice(0, 12), keyRevokedAt: null });
    const stored = db.$client.prepare("SELECT kind, key_hash AS keyHash FROM api_keys WHERE id = ?").get(path.apiKeyId) as {
      kind: string;
      keyHash: string;
    };
    expect(stored).toEqual({ kind: "recipient", keyHash: hashApiKey(key) });
    expect(
      auditRows()
        .slice(-2)
        .map((a) => a.action),
    ).toEqual(["api-key.create", "recipient.path.add"]);
    expect(getRecipient(db, r.id)!.working).toBe(true);
    expect(() => addFeedPath(db, { recipientId: r.id }, officer)).toThrow(ConflictError);
  });

  it("counts a feed whose key was revoked as not working", () => {
    const r = createRecipient(db, vendor("Revoked Feed Ltd."), officer);
    const { path } = addFeedPath(db, { recipientId: r.id }, officer);
    db.$client.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ?").run(Date.now(), path.apiKeyId);
    expect(getRecipient(db, r.id)).toMatchObject({ working: false });
  });

  it("revokes a feed's key when it is switched off, and switching it on makes a new key, shown once", async () => {
    const r = createRecipient(db, vendor("Keyed Feed Ltd."), officer);
    const { path, key } = addFeedPath(db, { recipientId: r.id }, officer);
    const keyRow = (id: number | null) =>
      db.$client.prepare("SELECT key_hash AS keyHash, revoked_at AS revokedAt FROM api_keys WHERE id = ?").get(id) as {
        keyHash: string;
        revokedAt: number | null;
      };
    const off = disablePath(db, { recipientId: r.id, pathId: path.id }, officer);
    expect(off.keyRevokedAt).toBeInstanceOf(Date);
    expect(keyRow(path.apiKeyId).revokedAt).not.toBeNull();
    expect(auditRows().slice(-2)).toMatchObject([
      { action: "api-key.revoke", targetType: "api_key", targetId: String(path.apiKeyId) },
      { action: "recipient.path.disable", targetId: String(r.id) },
    ]);
    expect(JSON.parse(auditRows().at(-1)!.details)).toMatchObject({ kind: "feed", keyRevoked: key.slice(0, 12) });

    const on = await enablePath(db, { recipientId: r.id, pathId: path.id }, officer, strict);
    expect(on.key).toMatch(/^rk_live_/);
    expect(on.key).not.toBe(key);
    expect(on.path).toMatchObject({ status: "active", keyPrefix: on.key!.slice(0, 12), keyRevokedAt: null });
    expect(on.path.apiKeyId).not.toBe(path.apiKeyId);
    expect(keyRow(on.path.apiKeyId).keyHash).toBe(hashApiKey(on.key!));
    expect(keyRow(path.apiKeyId).revokedAt).not.toBeNull();
    expect(getRecipient(db, r.id)!.working).toBe(true);
    expect(JSON.stringify(auditRows())).not.toContain(on.key!.slice(12));
    // A webhook or email path switched on again has no key to show.
    const email = addEmailPath(db, { recipientId: r.id, emailBatching: "each" }, officer);
    disablePath(db, { recipientId: r.id, pathId: email.id }, officer);
    expect((await enablePath(db, { recipientId: r.id, pathId: email.id }, officer, strict)).key).toBeUndefined();
  });

  it("adds an email path to the privacy contact, and refuses one when there is no contact address", () => {
    const r = createRecipient(db, vendor("Inkwell Print & Post Ltd."), officer);
    expect(addEmailPath(db, { recipientId: r.id, emailBatching: "daily" }, officer)).toMatchObject({
      kind: "email",
      emailBatching: "daily",
    });
    expect(getRecipient(db, r.id)!.working).toBe(true);
    const silent = createRecipient(db, vendor("Silent Partner", null), officer);
    expect(() => addEmailPath(db, { recipientId: silent.id, emailBatching: "each" }, officer)).toThrow(
      new ConflictError("no-contact-email"),
    );
  });

  it("disables and enables a path, audited, and refuses doing either twice or on another recipient's path", async () => {
    const r = createRecipient(db, vendor("Switch Ltd."), officer);
    const other = createRecipient(db, vendor("Other Ltd."), officer);
    const path = addEmailPath(db, { recipientId: r.id, emailBatching: "each" }, officer);
    expect(() => disablePath(db, { recipientId: other.id, pathId: path.id }, officer)).toThrow(NotFoundError);
    expect(disablePath(db, { recipientId: r.id, pathId: path.id }, officer)).toMatchObject({
      status: "disabled",
      disabledReason: "officer",
    });
    expect(getRecipient(db, r.id)!.working).toBe(false);
    expect(() => disablePath(db, { recipientId: r.id, pathId: path.id }, officer)).toThrow(ConflictError);
    await enablePath(db, { recipientId: r.id, pathId: path.id }, officer, strict);
    await expect(enablePath(db, { recipientId: r.id, pathId: path.id }, officer, strict)).rejects.toThrow(ConflictError);
    expect(
      auditRows()
        .slice(-2)
        .map((a) => a.action),
    ).toEqual(["recipient.path.disable", "recipient.path.enable"]);
    expect(verifyAuditChain(db).broken).toBeNull();
  });
});
