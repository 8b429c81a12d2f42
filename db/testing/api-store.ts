import { insertApiKey } from "../staff/api-keys";
import type { Db } from "../connection";
import { loadTestCatalog } from "./catalog";

/**
 * A store ready for the public API's tests: the test catalog, a brand whose sites are https://shop.example, and a
 * secret and a publishable key (the latter for that site), named after `name`.
 */
export function seedApiStore(db: Db, name: string): { purposes: Record<string, number>; secret: string; publishable: string } {
  const { purposes } = loadTestCatalog(db);
  db.$client
    .prepare(
      "INSERT INTO brand_settings (id, name, legal_name, address, contact_email, dpo_email, website_url, enabled_locales, allowed_origins) VALUES (1, 'B', 'B Ltd', 'x', 'c@x', 'd@x', 'https://b.example', '[\"en\"]', '[\"https://shop.example\"]')",
    )
    .run();
  const actor = { id: null, email: "test" };
  const secret = insertApiKey(db, { name, kind: "secret", allowedOrigins: [] }, actor).plaintext;
  const publishable = insertApiKey(
    db,
    { name: `${name} widget`, kind: "publishable", allowedOrigins: ["https://shop.example"] },
    actor,
  ).plaintext;
  return { purposes, secret, publishable };
}
