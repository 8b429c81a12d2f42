import type { Db } from "@/db/connection";
import { decideNoticeBatch, requestNoticeBatch, sendNoticeSlice } from "@/db/incident-notices/batches";
import { audienceCounts } from "@/db/incident-notices/audience";
import { seedIncidentByTitle } from "@/db/seed/incident-reports";
import type { NewAuditEntry } from "@/db/staff/audit-chain";
import type { Timeline } from "./timeline";

type Officer = { id: number; email: string };

/**
 * Notices to the people of the credential-stuffing attack (issue 21): Priya asked yesterday evening for the Korean
 * customers' notices, Daniel approved them and they went out through the outbox (marked sent, as a demo has no mail
 * server); the batch to everyone else waits for a second officer. Needs the incident's affected people (the demo's
 * affected selection); without them there is nothing to tell. Returns the audit entries for the caller's ordered log.
 */
export function seedDemoIncidentNotices(db: Db, t: Timeline, requester: Officer, approver: Officer): NewAuditEntry[] {
  const audit: NewAuditEntry[] = [];
  // The demo's log names every step's member by id and the seed as its writer, as the rest of the demo data does.
  const sink = (_db: Db, e: NewAuditEntry) => void audit.push({ ...e, actorLabel: "seed" });
  const incident = seedIncidentByTitle(db, "Credential stuffing on Trail Club accounts");
  const places = audienceCounts(db, incident.id);
  if (places.length === 0) return audit;
  const korea = places.filter((p) => p.jurisdiction === "KR").map((p) => p.jurisdiction);
  const rest = places.filter((p) => p.jurisdiction !== "KR").map((p) => p.jurisdiction);
  if (korea.length) {
    const asked = new Date(t.daysAgo(1, 19));
    const batch = requestNoticeBatch(db, { incidentId: incident.id, jurisdictions: korea }, requester, asked, sink);
    const sentAt = new Date(t.daysAgo(1, 20));
    if (batch.status === "awaiting_approval") decideNoticeBatch(db, batch.id, "approve", approver, sentAt, sink);
    while (!sendNoticeSlice(db, batch.id, sentAt, undefined, sink));
    db.$client
      .prepare(
        "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = 1 WHERE id IN (SELECT outbox_id FROM incident_notices WHERE batch_id = ?)",
      )
      .run(sentAt.getTime() + 60_000, batch.id);
  }
  if (rest.length) requestNoticeBatch(db, { incidentId: incident.id, jurisdictions: rest }, requester, new Date(t.daysAgo(1, 21)), sink);
  return audit;
}
