import { readStore } from "../../db/testing/read-store";
import { e2eDatabasePath } from "./paths";

// Test-only, read-only: what the widget's choices left in the seeded e2e store.

/** The demo's purposes that a banner asks about (active, based on consent). */
export const bannerPurposes = [
  "delivery_updates",
  "marketing_messages",
  "personalised_recommendations",
  "ad_partner_sharing",
  "precise_location",
] as const;

export type BannerState = { state: string; gpc: number; source: string; event: string };

/** Current state per purpose of the subject with this externalId, with the event that set it; {} when no such subject. */
export function bannerStateOf(externalId: string): Record<string, BannerState> {
  return readStore(e2eDatabasePath(), (db) => {
    const rows = db
      .prepare(
        `SELECT p.key, cs.state, cs.gpc, e.source, e.event FROM subjects s
         JOIN consent_state cs ON cs.subject_id = s.id JOIN purposes p ON p.id = cs.purpose_id
         JOIN consent_events e ON e.id = cs.last_event_id WHERE s.external_id = ?`,
      )
      .all(externalId) as ({ key: string } & BannerState)[];
    return Object.fromEntries(rows.map(({ key, ...rest }) => [key, rest]));
  });
}

/** How many ledger events the subject with this externalId has (0 when there is no such subject). */
export function eventCountOf(externalId: string): number {
  return readStore(e2eDatabasePath(), (db) => {
    const row = db
      .prepare("SELECT count(*) AS n FROM consent_events e JOIN subjects s ON s.id = e.subject_id WHERE s.external_id = ?")
      .get(externalId) as { n: number };
    return row.n;
  });
}
