import { openDatabase } from "../../db/connection";

export type IncidentScene = { id: number; reference: string; title: string; eu: number; kr: number };

/**
 * Writes an incident of this run into the e2e store: a skimming attack found two hours ago, with 12 people in the EU
 * and 8 in Korea among its affected (seeded subjects), so the GDPR and PIPA reports apply. A reference of its own
 * (E2E-…) keeps the register's INC-numbering untouched; `drill` makes it a drill.
 */
export function writeIncidentScene(store: string, drill = false): IncidentScene {
  const run = Date.now().toString(36).toUpperCase();
  const db = openDatabase(store);
  try {
    const c = db.$client;
    const officer = c.prepare("SELECT id FROM staff_users WHERE email = 'privacy@northtrail.example'").pluck().get() as number;
    const now = Date.now();
    const reference = `E2E-${run}${drill ? "-D" : ""}`;
    const title = `Checkout skimmer ${run}`;
    const id = Number(
      c
        .prepare(
          `INSERT INTO incidents (reference, title, certainty, drill, status, aware_at, occurred_from, occurred_to, natures, cause, cause_note,
             data_categories, data_facts, encrypted, key_taken, containment, remedial, risk, risk_reason, created_by, created_at, updated_at)
           VALUES (?, ?, 'confirmed', ?, 'open', ?, ?, ?, '["confidentiality"]', 'skimming', 'Script injected into the payment page',
             '["contact","payment"]', '["payment_data"]', 0, 0, 'Script removed and checkout paused', 'Script integrity checks on every page',
             'high_risk', 'Card numbers usable for fraud', ?, ?, ?)`,
        )
        .run(reference, title, drill ? 1 : 0, now - 2 * 3_600_000, now - 10 * 86_400_000, now - 3 * 3_600_000, officer, now, now)
        .lastInsertRowid,
    );
    const purpose = c.prepare("SELECT id FROM purposes WHERE key = 'order_fulfilment'").pluck().get() as number | undefined;
    if (purpose) c.prepare("INSERT INTO incident_purposes (incident_id, purpose_id) VALUES (?, ?)").run(id, purpose);
    const counts = { EU: 12, KR: 8 };
    const selection = Number(
      c
        .prepare(
          `INSERT INTO incident_selections (incident_id, source, mode, criteria, list_report, counts, found, affected_after, duration_ms, created_by, created_at)
           VALUES (?, 'criteria', 'replace', '{}', NULL, ?, 20, 20, 5, ?, ?)`,
        )
        .run(id, JSON.stringify(counts), officer, now).lastInsertRowid,
    );
    const add = c.prepare(
      "INSERT INTO incident_affected (incident_id, subject_id, selection_id, jurisdiction, locale, has_email, has_phone) VALUES (?, ?, ?, ?, ?, 1, 0)",
    );
    for (const [j, n] of Object.entries(counts)) {
      const people = c.prepare("SELECT id, locale FROM subjects WHERE jurisdiction = ? ORDER BY id LIMIT ?").all(j, n) as {
        id: number;
        locale: string;
      }[];
      if (people.length < n) throw new Error(`the e2e store has fewer than ${n} people in ${j}`);
      for (const p of people) add.run(id, p.id, selection, j, p.locale);
    }
    return { id, reference, title, eu: counts.EU, kr: counts.KR };
  } finally {
    db.$client.close();
  }
}
