import { and, desc, eq, isNull, or, gt } from "drizzle-orm";
import type { Jurisdiction } from "@/lib/jurisdictions";
import type { NoticeBatchProgress } from "@/lib/incidents/notice-batches";
import type { Db } from "../connection";
import {
  incidentNoticeBatches,
  incidentPublicNotices,
  incidents,
  staffUsers,
  type IncidentNoticeBatch,
  type IncidentPublicNotice,
} from "../schema";

export type NoticeBatchView = IncidentNoticeBatch & {
  requestedByName: string;
  decidedByName: string | null;
  progress: NoticeBatchProgress;
  /** People told per jurisdiction and channel so far. */
  told: { jurisdiction: Jurisdiction; channel: "email" | "public"; people: number }[];
};

/** What the outbox has done with a batch's messages, and how many people were left to the public notice. */
function progressOf(db: Db, batch: IncidentNoticeBatch): NoticeBatchProgress {
  const row = db.$client
    .prepare(
      `SELECT SUM(CASE WHEN o.status = 'sent' THEN 1 ELSE 0 END) AS sent, SUM(CASE WHEN o.status = 'failed' THEN 1 ELSE 0 END) AS failed,
              SUM(CASE WHEN n.channel = 'public' THEN 1 ELSE 0 END) AS publicCount
       FROM incident_notices n LEFT JOIN outbox o ON o.id = n.outbox_id WHERE n.batch_id = ?`,
    )
    .get(batch.id) as { sent: number | null; failed: number | null; publicCount: number | null };
  return { people: batch.people, done: batch.done, sent: row.sent ?? 0, failed: row.failed ?? 0, publicCount: row.publicCount ?? 0 };
}

/** An incident's notice batches, newest first, with who asked and decided and each one's progress. */
export function listNoticeBatches(db: Db, incidentId: number): NoticeBatchView[] {
  const batches = db
    .select()
    .from(incidentNoticeBatches)
    .where(eq(incidentNoticeBatches.incidentId, incidentId))
    .orderBy(desc(incidentNoticeBatches.id))
    .all();
  const names = new Map(
    db
      .select({ id: staffUsers.id, name: staffUsers.name })
      .from(staffUsers)
      .all()
      .map((s) => [s.id, s.name]),
  );
  const told = db.$client.prepare(
    "SELECT jurisdiction, channel, COUNT(*) AS people FROM incident_notices WHERE batch_id = ? GROUP BY jurisdiction, channel ORDER BY jurisdiction, channel",
  );
  return batches.map((b) => ({
    ...b,
    requestedByName: names.get(b.requestedById) ?? "",
    decidedByName: b.decidedById ? (names.get(b.decidedById) ?? "") : null,
    progress: progressOf(db, b),
    told: told.all(b.id) as NoticeBatchView["told"],
  }));
}

/** One batch, for the progress the tab polls. */
export function getNoticeBatch(db: Db, batchId: number): IncidentNoticeBatch | undefined {
  return db.select().from(incidentNoticeBatches).where(eq(incidentNoticeBatches.id, batchId)).get();
}

/** Batches still sending (the server resumes them after a restart). */
export function listSendingBatchIds(db: Db): number[] {
  return db
    .select({ id: incidentNoticeBatches.id })
    .from(incidentNoticeBatches)
    .where(eq(incidentNoticeBatches.status, "sending"))
    .all()
    .map((r) => r.id);
}

export type PublicIncidentNotice = IncidentPublicNotice & { reference: string };

/** An incident's public notices, newest first (the tab). */
export function listIncidentPublicNotices(db: Db, incidentId: number): IncidentPublicNotice[] {
  return db
    .select()
    .from(incidentPublicNotices)
    .where(eq(incidentPublicNotices.incidentId, incidentId))
    .orderBy(desc(incidentPublicNotices.id))
    .all();
}

/**
 * The public page's notices: those shown now, and those taken down within the last year with the dates they were
 * shown. A drill never has one (db/incident-notices/batches.ts publishes none).
 */
export function listPublicNotices(db: Db, now = new Date()): PublicIncidentNotice[] {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  return db
    .select({
      id: incidentPublicNotices.id,
      incidentId: incidentPublicNotices.incidentId,
      batchId: incidentPublicNotices.batchId,
      texts: incidentPublicNotices.texts,
      shownFrom: incidentPublicNotices.shownFrom,
      shownUntil: incidentPublicNotices.shownUntil,
      endedById: incidentPublicNotices.endedById,
      reference: incidents.reference,
    })
    .from(incidentPublicNotices)
    .innerJoin(incidents, eq(incidents.id, incidentPublicNotices.incidentId))
    .where(and(eq(incidents.drill, false), or(isNull(incidentPublicNotices.shownUntil), gt(incidentPublicNotices.shownUntil, yearAgo))))
    .orderBy(desc(incidentPublicNotices.shownFrom))
    .all();
}
