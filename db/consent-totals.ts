import type { Db } from "./connection";

/** Recomputes consent_state_totals from consent_state, for bulk loads that bypass the ledger writer. */
export function rebuildConsentStateTotals(db: Db): void {
  db.$client.exec(`
    DELETE FROM consent_state_totals;
    INSERT INTO consent_state_totals (purpose_id, jurisdiction, state, count)
    SELECT cs.purpose_id, s.jurisdiction, cs.state, count(*)
    FROM consent_state cs JOIN subjects s ON s.id = cs.subject_id
    GROUP BY 1, 2, 3;`);
}
