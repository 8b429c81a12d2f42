import "server-only";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { changedJurisdictions, changedSections, type PolicyDocument } from "@/lib/policy/document";
import { policyJurisdictionOf, type PolicyJurisdiction } from "@/lib/policy/input";
import { policyChangeMessage } from "@/lib/messages/policy-change";
import { currentTemplate } from "../messages/templates";
import { db } from "../client";

const BATCH = 500;

/**
 * Tells each person a material change concerns — everyone with an email address whose place's part of the policy
 * changed — in their language: which sections changed and the officer's summary. Runs inside the publication's
 * transaction, reading people a batch at a time; each message is an outbox row and a policy_change_messages row.
 * Returns how many were queued. It touches no consent: a policy change asks no one to choose again.
 */
export function notifyPolicyChange(
  v: { id: number; document: PolicyDocument; changeSummary: Partial<Record<Locale, string>> | null },
  previous: PolicyDocument,
  baseUrl: string,
): number {
  const sql = db.$client;
  const changed = new Set(changedJurisdictions(v.document, previous));
  if (changed.size === 0) return 0;
  const brand = sql.prepare("SELECT name, contact_email AS contact, dpo_email AS dpo FROM brand_settings WHERE id = 1").get() as
    { name: string; contact: string; dpo: string } | undefined;
  const messages = new Map<string, { subjectLine: string; body: string }>();
  const messageFor = (locale: Locale, j: PolicyJurisdiction) => {
    const key = `${locale}/${j}`;
    if (!messages.has(key)) {
      const m = policyChangeMessage(
        locale,
        {
          brand: brand?.name ?? "",
          contact: brand?.dpo || brand?.contact || "",
          sections: changedSections(v.document, previous, j, locale),
          summary: v.changeSummary?.[locale]?.trim() || null,
          policyUrl: `${baseUrl}/privacy?j=${encodeURIComponent(j)}`,
        },
        currentTemplate(db, "policy-change", locale),
      );
      messages.set(key, m);
    }
    return messages.get(key)!;
  };
  const page = sql.prepare("SELECT id, email, locale, jurisdiction FROM subjects WHERE email IS NOT NULL AND id > ? ORDER BY id LIMIT ?");
  const queue = sql.prepare(
    `INSERT INTO outbox (subject_id, to_address, kind, locale, subject_line, body, status, created_at)
     VALUES (?, ?, 'policy-change', ?, ?, ?, 'pending', ?) RETURNING id`,
  );
  const record = sql.prepare(
    "INSERT INTO policy_change_messages (version_id, subject_id, outbox_id, locale, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const now = Date.now();
  let sent = 0;
  for (let after = 0; ;) {
    const people = page.all(after, BATCH) as { id: number; email: string; locale: string; jurisdiction: string }[];
    if (people.length === 0) break;
    after = people[people.length - 1].id;
    for (const p of people) {
      const j = policyJurisdictionOf(p.jurisdiction);
      if (!j || !changed.has(j)) continue;
      const locale: Locale = isLocale(p.locale) ? p.locale : "en";
      const m = messageFor(locale, j);
      const { id } = queue.get(p.id, p.email, locale, m.subjectLine, m.body, now) as { id: number };
      record.run(v.id, p.id, id, locale, now);
      sent++;
    }
  }
  return sent;
}
