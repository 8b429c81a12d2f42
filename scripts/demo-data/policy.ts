import { assemblePolicy } from "@/lib/policy/assemble";
import { checklists, missingItems } from "@/lib/policy/checklists";
import { localDay } from "@/lib/requests/deadlines";
import { policyInputFrom, policyLinks, policyTranslators } from "@/lib/server/policy-input";
import { readDataMap } from "@/db/data-map/read";
import type { Db } from "@/db/connection";
import { insertPublishedPolicy, readPurposeWords } from "@/db/seed/policy";
import type { NewAuditEntry } from "@/db/staff/audit-chain";

/**
 * Northtrail's privacy policy, version 1, published by its privacy officer a month ago from the data map just
 * seeded (issue 19): /privacy shows it, and the officer's next draft is diffed against it. The data map is
 * complete, so every jurisdiction's checklist passes; a gap here is a seed bug and stops the seed.
 */
export function seedDemoPolicy(db: Db, publishedAt: Date, officer: { id: number }): NewAuditEntry {
  const map = readDataMap(db);
  const report = db.$client.prepare("SELECT 1 FROM transparency_reports LIMIT 1").get() !== undefined;
  const input = policyInputFrom(map, readPurposeWords(db), policyLinks(report), localDay(publishedAt, map.brand?.timeZone ?? "UTC"));
  const missing = missingItems(checklists(input, publishedAt));
  if (missing.length) throw new Error(`demo privacy policy incomplete: ${missing.join(", ")}`);
  const id = insertPublishedPolicy(db, assemblePolicy(input, policyTranslators()), publishedAt, officer.id);
  return {
    at: publishedAt,
    actorId: officer.id,
    actorLabel: "seed",
    action: "policy.publish",
    targetType: "policy_version",
    targetId: id,
    details: { version: 1, material: false, notified: 0 },
  };
}
