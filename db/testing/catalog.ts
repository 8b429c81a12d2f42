import type { Db } from "../connection";
import { DAY_MS } from "@/lib/time";

/** A small, fully published catalog for store tests: three purposes, notices in en and ko. */
export function loadTestCatalog(db: Db): { purposes: Record<string, number> } {
  const sql = db.$client;
  const now = Date.now() - DAY_MS * 400;
  const insertPurpose = sql.prepare(
    `INSERT INTO purposes (key, name, description, legal_basis, data_categories, retention_days, validity_days, sale_or_sharing, sensitive, channels, benefit, status, created_at)
     VALUES (?, ?, 'd', ?, '["contact"]', 365, ?, ?, 0, ?, 'b', 'active', ?) RETURNING id`,
  );
  const insertNotice = sql.prepare("INSERT INTO notices (purpose_id, locale, created_at) VALUES (?, ?, ?) RETURNING id");
  const insertVersion = sql.prepare(
    `INSERT INTO notice_versions (notice_id, version, status, title, short_layer, full_text, material, created_at, published_at)
     VALUES (?, 1, 'published', 't', '{}', 'f', 0, ?, ?)`,
  );
  const purposes: Record<string, number> = {};
  for (const [key, basis, validity, sale, channels] of [
    ["newsletter", "consent", 730, 0, '["email","sms"]'],
    ["ad_sharing", "consent", null, 1, "[]"],
    ["fraud_checks", "legitimate_interests", null, 0, "[]"],
    ["orders", "contract", null, 0, "[]"],
  ] as const) {
    const { id } = insertPurpose.get(key, key, basis, validity, sale, channels, now) as { id: number };
    purposes[key] = id;
    for (const locale of ["en", "ko"]) {
      const notice = insertNotice.get(id, locale, now) as { id: number };
      insertVersion.run(notice.id, now, now);
    }
  }
  return { purposes };
}
