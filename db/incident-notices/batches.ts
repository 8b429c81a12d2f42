import { eq } from "drizzle-orm";
import { locales, type Locale } from "@/lib/i18n/config";
import { ConflictError, NotFoundError, RefusedError } from "@/lib/errors";
import { hasMeasures, noticeValues } from "@/lib/incidents/people-notice";
import {
  mayApprove,
  needsApproval,
  NOTICE_SLICE,
  publicNoticeEarliestEnd,
  type RequestNoticeBatchInput,
} from "@/lib/incidents/notice-batches";
import { renderTemplate } from "@/lib/messages/templates/render";
import { plain } from "@/lib/ropa/typed";
import type { Db } from "../connection";
import { currentTemplate } from "../messages/templates";
import { appendAuditEntry, type NewAuditEntry } from "../staff/audit-chain";
import { appendIncidentEvent } from "../incidents/timeline";
import {
  brandSettings,
  incidentNoticeBatches,
  incidentNotices,
  incidentPublicNotices,
  incidents,
  type IncidentNoticeBatch,
  type IncidentPublicNotice,
  type RenderedNotice,
} from "../schema";
import { audienceCounts, audienceSlice } from "./audience";

type Actor = { id: number; email: string };
/** Where a step's audit entry goes: the log at once, or (the demo data) a list appended later in time order. */
export type AuditSink = (db: Db, entry: NewAuditEntry) => void;
const toLog: AuditSink = (db, entry) => void appendAuditEntry(db, entry);

const auditEntry = (
  actor: Actor | null,
  action: string,
  batch: { id: number; incidentId: number },
  at: Date,
  details: Record<string, unknown>,
) => ({
  actorId: actor?.id ?? null,
  actorLabel: actor?.email ?? "candor",
  action,
  targetType: "incident-notice-batch",
  targetId: String(batch.id),
  at,
  details: { incidentId: batch.incidentId, ...details },
});

/** The notice in every language as the people will read it, from the brand's current wording of "incident-notice". */
function renderNotices(db: Db, incident: typeof incidents.$inferSelect): Record<Locale, RenderedNotice> {
  const brand = db.select().from(brandSettings).where(eq(brandSettings.id, 1)).get();
  const values = { name: brand?.name ?? "", contact: brand?.dpoEmail || brand?.contactEmail || "", timeZone: brand?.timeZone ?? "UTC" };
  const out = {} as Record<Locale, RenderedNotice>;
  for (const locale of locales) {
    const template = currentTemplate(db, "incident-notice", locale);
    const m = renderTemplate(template, noticeValues(incident, locale, values), locale);
    out[locale] = { subjectLine: m.subjectLine, body: m.body, templateVersion: template.version };
  }
  return out;
}

/**
 * Asks for a batch of notices to the incident's affected people in the chosen jurisdictions. The wording is fixed now,
 * so the approver reads what will be sent. Above 100 people it waits for a second privacy officer; otherwise it is
 * ready to send at once. Refused for a closed incident, one that says nothing of the brand's measures (every law asks
 * the notice to say them), a choice with nobody in it, and one whose people have all been told by an earlier batch.
 */
export function requestNoticeBatch(
  db: Db,
  input: RequestNoticeBatchInput,
  actor: Actor,
  now = new Date(),
  audit: AuditSink = toLog,
): IncidentNoticeBatch {
  return db.$client
    .transaction(() => {
      const incident = db.select().from(incidents).where(eq(incidents.id, input.incidentId)).get();
      if (!incident) throw new NotFoundError("incident");
      if (incident.status !== "open") throw new ConflictError("incident-closed");
      if (!hasMeasures(incident)) throw new RefusedError("measures-missing");
      const open = db
        .select({ id: incidentNoticeBatches.id, status: incidentNoticeBatches.status })
        .from(incidentNoticeBatches)
        .where(eq(incidentNoticeBatches.incidentId, incident.id))
        .all()
        .filter((b) => b.status === "awaiting_approval" || b.status === "sending");
      if (open.length) throw new ConflictError("batch-open");
      const counts = audienceCounts(db, incident.id).filter((c) => input.jurisdictions.includes(c.jurisdiction));
      if (counts.reduce((n, c) => n + c.people, 0) === 0) throw new RefusedError("nobody", "jurisdictions");
      const people = counts.reduce((n, c) => n + c.toTell, 0);
      if (people === 0) throw new RefusedError("all-told", "jurisdictions");
      const withoutContact = counts.reduce((n, c) => n + c.toTellWithoutContact, 0);
      const waits = needsApproval(people);
      const batch = db
        .insert(incidentNoticeBatches)
        .values({
          incidentId: incident.id,
          status: waits ? "awaiting_approval" : "sending",
          drill: incident.drill,
          jurisdictions: input.jurisdictions,
          people,
          withoutContact,
          messages: renderNotices(db, incident),
          requestedById: actor.id,
          requestedAt: now,
          startedAt: waits ? null : now,
        })
        .returning()
        .get();
      const details = {
        batchId: batch.id,
        people,
        withoutContact,
        jurisdictions: input.jurisdictions,
        drill: incident.drill,
        approval: waits,
      };
      appendIncidentEvent(db, { incidentId: incident.id, kind: "notice_batch_requested", actorId: actor.id, at: now, details });
      audit(db, auditEntry(actor, "incident.notice-request", batch, now, details));
      return batch;
    })
    .immediate();
}

/**
 * A second privacy officer approves or declines a batch waiting for approval; the member who asked for it cannot
 * (the four-eyes rule of issue 21). An approved batch starts sending.
 */
export function decideNoticeBatch(
  db: Db,
  batchId: number,
  decision: "approve" | "decline",
  actor: Actor,
  now = new Date(),
  audit: AuditSink = toLog,
): IncidentNoticeBatch {
  return db.$client
    .transaction(() => {
      const batch = db.select().from(incidentNoticeBatches).where(eq(incidentNoticeBatches.id, batchId)).get();
      if (!batch) throw new NotFoundError("notice batch");
      if (batch.status !== "awaiting_approval") throw new ConflictError("wrong-status");
      if (!mayApprove(batch, actor.id)) throw new RefusedError("own-batch");
      const approved = decision === "approve";
      const row = db
        .update(incidentNoticeBatches)
        .set({ status: approved ? "sending" : "declined", decidedById: actor.id, decidedAt: now, startedAt: approved ? now : null })
        .where(eq(incidentNoticeBatches.id, batchId))
        .returning()
        .get();
      const details = { batchId, decision, people: batch.people, drill: batch.drill };
      appendIncidentEvent(db, { incidentId: batch.incidentId, kind: "notice_batch_approved", actorId: actor.id, at: now, details });
      audit(db, auditEntry(actor, approved ? "incident.notice-approve" : "incident.notice-decline", batch, now, details));
      return row;
    })
    .immediate();
}

/**
 * Queues the next slice of a sending batch in one transaction: a message through the outbox for each person with an
 * address, a record for everyone. A drill records each person and queues nothing. After the last slice the batch is
 * sent, and when some people had no address the public notice goes up (never for a drill). Returns whether the
 * batch is finished (or not sending).
 */
export function sendNoticeSlice(db: Db, batchId: number, now = new Date(), slice = NOTICE_SLICE, audit: AuditSink = toLog): boolean {
  const sql = db.$client;
  const queue = sql.prepare(
    `INSERT INTO outbox (subject_id, to_address, kind, locale, subject_line, body, status, created_at)
     VALUES (?, ?, 'incident-notice', ?, ?, ?, 'pending', ?) RETURNING id`,
  );
  return sql
    .transaction((): boolean => {
      const batch = db.select().from(incidentNoticeBatches).where(eq(incidentNoticeBatches.id, batchId)).get();
      if (!batch || batch.status !== "sending") return true;
      const people = audienceSlice(db, batch.incidentId, batch.jurisdictions, batch.cursor, slice);
      for (const p of people) {
        const m = batch.messages[p.locale]!;
        const outboxId =
          p.email && !batch.drill
            ? (queue.get(p.subjectId, p.email, p.locale, plain(m.subjectLine), plain(m.body), now.getTime()) as { id: number }).id
            : null;
        db.insert(incidentNotices)
          .values({
            batchId,
            subjectId: p.subjectId,
            jurisdiction: p.jurisdiction,
            locale: p.locale,
            channel: p.email ? "email" : "public",
            outboxId,
            createdAt: now,
          })
          .onConflictDoNothing()
          .run();
      }
      const finished = people.length < slice;
      const done = batch.done + people.length;
      db.update(incidentNoticeBatches)
        .set({
          done,
          cursor: people.length ? people[people.length - 1].subjectId : batch.cursor,
          ...(finished ? { status: "sent" as const, finishedAt: now } : {}),
        })
        .where(eq(incidentNoticeBatches.id, batchId))
        .run();
      if (!finished) return false;
      const publicCount = db.$client
        .prepare("SELECT COUNT(*) FROM incident_notices WHERE batch_id = ? AND channel = 'public'")
        .pluck()
        .get(batchId) as number;
      const details = { batchId, people: done, publicCount, drill: batch.drill };
      appendIncidentEvent(db, { incidentId: batch.incidentId, kind: "notice_batch_sent", actorId: null, at: now, details });
      audit(db, auditEntry(null, "incident.notice-sent", batch, now, details));
      if (publicCount > 0 && !batch.drill) {
        const notice = db
          .insert(incidentPublicNotices)
          .values({ incidentId: batch.incidentId, batchId, texts: batch.messages, shownFrom: now })
          .returning()
          .get();
        appendIncidentEvent(db, {
          incidentId: batch.incidentId,
          kind: "public_notice_published",
          actorId: null,
          at: now,
          details: { batchId, publicNoticeId: notice.id, people: publicCount },
        });
      }
      return true;
    })
    .immediate();
}

/** Takes a public notice down; refused before it has been shown 30 days (PIPA), and once it is down. */
export function endPublicNotice(db: Db, id: number, actor: Actor, now = new Date()): IncidentPublicNotice {
  return db.$client
    .transaction(() => {
      const notice = db.select().from(incidentPublicNotices).where(eq(incidentPublicNotices.id, id)).get();
      if (!notice) throw new NotFoundError("public notice");
      if (notice.shownUntil) throw new ConflictError("wrong-status");
      if (now < publicNoticeEarliestEnd(notice.shownFrom)) throw new RefusedError("too-soon");
      const row = db
        .update(incidentPublicNotices)
        .set({ shownUntil: now, endedById: actor.id })
        .where(eq(incidentPublicNotices.id, id))
        .returning()
        .get();
      appendAuditEntry(db, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: "incident.public-notice-end",
        targetType: "incident-public-notice",
        targetId: String(id),
        at: now,
        details: { incidentId: notice.incidentId, shownFrom: notice.shownFrom.getTime() },
      });
      return row;
    })
    .immediate();
}
