import { openDatabase } from "../../db/connection";
import { createRecipient } from "../../db/propagation/recipients";
import { addEmailPath, addFeedPath, addWebhookPath } from "../../db/propagation/recipient-paths";
import { checkEndpoint } from "../../lib/propagation/endpoint-guard";

// Test-only: recipients written into a store no server holds yet (a second server's copy, before it starts),
// through the registry's own functions, as an officer would add them on the recipients pages.

const actor = { id: null, email: "e2e-recipients" };

export type WebhookRecipient = { id: number; name: string; secret: string; key: string };
export type EmailRecipient = { id: number; name: string; contact: string };

/**
 * A recipient reached by a webhook at `url` (a local receiver: the server runs with WEBHOOKS_ALLOW_INSECURE),
 * with a recipient key (rk_live_…) to confirm its deliveries by API; its signing secret and key as shown once.
 */
export async function addWebhookRecipient(store: string, name: string, url: string): Promise<WebhookRecipient> {
  const db = openDatabase(store);
  try {
    const r = createRecipient(db, { name, role: "processor", country: "IE", privacyContactName: null, privacyContactEmail: null }, actor);
    const { secret } = await addWebhookPath(db, { recipientId: r.id, url }, actor, (u) =>
      checkEndpoint(u, async () => ["127.0.0.1"], { allowInsecure: true }),
    );
    const { key } = addFeedPath(db, { recipientId: r.id }, actor);
    return { id: r.id, name, secret, key };
  } finally {
    db.$client.close();
  }
}

/** A recipient without an API: each change is emailed to its privacy contact and opens a task for the officer. */
export function addEmailRecipient(store: string, name: string, contact: string): EmailRecipient {
  const db = openDatabase(store);
  try {
    const r = createRecipient(
      db,
      { name, role: "third_party", country: "DE", privacyContactName: "Dana Reyes", privacyContactEmail: contact },
      actor,
    );
    addEmailPath(db, { recipientId: r.id, emailBatching: "each" }, actor);
    return { id: r.id, name, contact };
  } finally {
    db.$client.close();
  }
}

/** Links recipients to a purpose, as the data map does: the purpose now sends them data. */
export function linkToPurpose(store: string, purposeKey: string, recipientIds: number[]): void {
  const db = openDatabase(store);
  try {
    const sql = db.$client;
    const purposeId = sql.prepare("SELECT id FROM purposes WHERE key = ? ORDER BY id DESC LIMIT 1").pluck().get(purposeKey) as number;
    // purpose_recipients kept a copy of the recipient's facts until the recipients developer's migration drops it.
    const legacy = (sql.prepare("PRAGMA table_info(purpose_recipients)").all() as { name: string }[]).some((c) => c.name === "role");
    for (const id of recipientIds) {
      if (!legacy) {
        sql.prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id) VALUES (?, ?)").run(purposeId, id);
        continue;
      }
      const r = sql.prepare("SELECT name, country, role FROM recipients WHERE id = ?").get(id) as {
        name: string;
        country: string;
        role: string;
      };
      sql
        .prepare("INSERT INTO purpose_recipients (purpose_id, recipient_id, name, country, role) VALUES (?, ?, ?, ?, ?)")
        .run(purposeId, id, r.name, r.country, r.role);
    }
  } finally {
    db.$client.close();
  }
}
