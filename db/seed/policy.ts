import type { Locale } from "@/lib/i18n/config";
import { isLocale } from "@/lib/i18n/config";
import type { PolicyDocument } from "@/lib/policy/document";
import type { PurposeWords } from "@/lib/policy/input";
import type { Db } from "../connection";
import { policyVersions } from "../schema";

/** Each purpose's words from its published notices, per language, as the policy page reads them (seeded stores). */
export function readPurposeWords(db: Db): Map<string, Partial<Record<Locale, PurposeWords>>> {
  const rows = db.$client
    .prepare(
      `SELECT p.key, n.locale, nv.title, nv.short_layer AS layer FROM notice_versions nv
       JOIN notices n ON n.id = nv.notice_id JOIN purposes p ON p.id = n.purpose_id WHERE nv.status = 'published'`,
    )
    .all() as { key: string; locale: string; title: string; layer: string }[];
  const out = new Map<string, Partial<Record<Locale, PurposeWords>>>();
  for (const r of rows) {
    if (!isLocale(r.locale)) continue;
    const layer = JSON.parse(r.layer) as { why?: string; benefit?: string };
    out.set(r.key, { ...out.get(r.key), [r.locale]: { title: r.title, why: layer.why ?? "", benefit: layer.benefit ?? "" } });
  }
  return out;
}

/** A published first version of the privacy policy, as the officer would have published it from the seeded data map. */
export function insertPublishedPolicy(db: Db, document: PolicyDocument, at: Date, officerId: number | null): number {
  return db
    .insert(policyVersions)
    .values({
      version: 1,
      status: "published",
      document,
      generatedById: officerId,
      reviewerId: officerId,
      createdAt: at,
      generatedAt: at,
      submittedAt: at,
      publishedAt: at,
    })
    .returning({ id: policyVersions.id })
    .get().id;
}
