import { isLocale, type Locale } from "@/lib/i18n/config";
import type { Jurisdiction } from "@/lib/jurisdictions";
import type { Db } from "../connection";

/**
 * The affected people of one jurisdiction, as a notice batch counts them: all of them, and those no earlier batch of
 * the incident has told yet (a batch tells only these, so a selection that grew reaches the newcomers and nobody hears
 * of the same breach twice).
 */
export type AudienceCount = {
  jurisdiction: Jurisdiction;
  people: number;
  withoutContact: number;
  toTell: number;
  toTellWithoutContact: number;
};

/** No batch of this incident has told the affected person `a` yet. */
const notYetTold = `NOT EXISTS (SELECT 1 FROM incident_notice_batches b JOIN incident_notices n ON n.batch_id = b.id AND n.subject_id = a.subject_id
  WHERE b.incident_id = a.incident_id)`;

/** One person a slice tells: where the message goes (null: no contact address, the public notice instead). */
export type AudiencePerson = { subjectId: number; jurisdiction: Jurisdiction; locale: Locale; email: string | null };

/**
 * The incident's affected people per jurisdiction (the selection of the [id]/affected tab), with how many of them
 * have no contact address. Read on the caller's connection, inside its transaction when it has one.
 */
export function audienceCounts(db: Db, incidentId: number): AudienceCount[] {
  return db.$client
    .prepare(
      `SELECT a.jurisdiction AS jurisdiction, COUNT(*) AS people, SUM(CASE WHEN s.email IS NULL THEN 1 ELSE 0 END) AS withoutContact,
         SUM(CASE WHEN ${notYetTold} THEN 1 ELSE 0 END) AS toTell,
         SUM(CASE WHEN s.email IS NULL AND ${notYetTold} THEN 1 ELSE 0 END) AS toTellWithoutContact
       FROM incident_affected a JOIN subjects s ON s.id = a.subject_id
       WHERE a.incident_id = ? GROUP BY a.jurisdiction ORDER BY a.jurisdiction`,
    )
    .all(incidentId) as AudienceCount[];
}

/**
 * The next slice of a batch's people not told before, in subject order after the cursor: the address is read now, so a person who
 * was erased meanwhile is gone and one whose address changed is written to where they are now.
 */
export function audienceSlice(db: Db, incidentId: number, jurisdictions: readonly Jurisdiction[], after: number, limit: number) {
  const marks = jurisdictions.map(() => "?").join(", ");
  const rows = db.$client
    .prepare(
      `SELECT a.subject_id AS subjectId, a.jurisdiction AS jurisdiction, a.locale AS locale, s.email AS email
       FROM incident_affected a JOIN subjects s ON s.id = a.subject_id
       WHERE a.incident_id = ? AND a.jurisdiction IN (${marks}) AND a.subject_id > ? AND ${notYetTold}
       ORDER BY a.subject_id LIMIT ?`,
    )
    .all(incidentId, ...jurisdictions, after, limit) as {
    subjectId: number;
    jurisdiction: Jurisdiction;
    locale: string | null;
    email: string | null;
  }[];
  return rows.map((r): AudiencePerson => ({ ...r, locale: isLocale(r.locale) ? r.locale : "en" }));
}
