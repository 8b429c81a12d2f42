import { eq, isNull } from "drizzle-orm";
import type { RequestType } from "@/lib/requests/vocabulary";
import { isTimeZone } from "@/lib/time";
import type { MessageContext, NotificationItem } from "@/lib/notifications/messages";
import { brandSettings, pathFailureEpisodes, staffNotificationCursors } from "../schema";
import type { Db } from "../connection";
import { listenersOf, notify, type Listener } from "./record";
import { listFailingPaths } from "./path-health";
import { sendDueDigests } from "./digest";
import { clocks } from "./clocks";

export type NotificationRun = { told: number; digests: number };

/** Where a scan got to; a first run starts at the newest row, so installing this tells nobody of the past. */
function cursor(db: Db, name: string, newest: () => number): { from: number; save: (to: number) => void } {
  const row = db.select().from(staffNotificationCursors).where(eq(staffNotificationCursors.name, name)).get();
  const save = (to: number) =>
    db
      .insert(staffNotificationCursors)
      .values({ name, value: to })
      .onConflictDoUpdate({ target: staffNotificationCursors.name, set: { value: to } })
      .run();
  if (row) return { from: row.value, save };
  const start = newest();
  save(start);
  return { from: start, save };
}

const maxId = (db: Db, table: string) => () =>
  (db.$client.prepare(`SELECT COALESCE(MAX(id), 0) AS n FROM ${table}`).get() as { n: number }).n;

/** Requests received since the last run: "new-request". */
function newRequests(db: Db, ctx: MessageContext): number {
  const c = cursor(db, "requests", maxId(db, "subject_requests"));
  const rows = db.$client
    .prepare("SELECT id, ref, type, due_at AS dueAt FROM subject_requests WHERE id > ? ORDER BY id LIMIT 1000")
    .all(c.from) as NewRequestRow[];
  if (rows.length === 0) return 0;
  let told = 0;
  const listeners = listenersOf(db, "new-request");
  for (const r of rows) told += tellOfRequest(db, r, listeners, ctx);
  c.save(rows.at(-1)!.id);
  return told;
}

type NewRequestRow = { id: number; ref: string; type: RequestType; dueAt: number };

function tellOfRequest(db: Db, r: NewRequestRow, listeners: Listener[], ctx: MessageContext): number {
  const item: NotificationItem = { about: "request", ref: r.ref, requestType: r.type, dueAt: r.dueAt, path: `/admin/requests/${r.id}` };
  let told = 0;
  for (const l of listeners) if (notify(db, l, "new-request", `request:${r.id}`, item, ctx)) told++;
  return told;
}

/**
 * Tells the staff who asked of a new request in the intake's own transaction (db/requests/intake.ts): an
 * immediate notice leaves with the request or not at all; the job's scan tells nobody twice.
 */
export function tellNewRequest(db: Db, r: { id: number; ref: string; type: RequestType; dueAt: Date }, links: { baseUrl: string }): number {
  return tellOfRequest(db, { ...r, dueAt: r.dueAt.getTime() }, listenersOf(db, "new-request"), messageContext(db, links.baseUrl));
}

type Submit = { id: number; action: string; targetId: string; actorId: number | null; submittedBy: string | null };

/** Items sent for review since the last run, read from the audit log's submit entries: "review", never to the one who sent it. */
function reviews(db: Db, ctx: MessageContext): number {
  const c = cursor(db, "audit", maxId(db, "audit_log"));
  const rows = db.$client
    .prepare(
      `SELECT a.id, a.action, a.target_id AS targetId, a.actor_id AS actorId, u.name AS submittedBy
       FROM audit_log a LEFT JOIN staff_users u ON u.id = a.actor_id
       WHERE a.id > ? AND a.action IN ('purpose.submit', 'purpose.revision.submit', 'notice.submit') AND a.outcome = 'ok' ORDER BY a.id LIMIT 1000`,
    )
    .all(c.from) as Submit[];
  let told = 0;
  for (const s of rows) told += tellOfSubmission(db, s, ctx);
  const last = (db.$client.prepare("SELECT COALESCE(MAX(id), 0) AS n FROM audit_log").get() as { n: number }).n;
  c.save(rows.length === 1000 ? rows.at(-1)!.id : last);
  return told;
}

/** Tells the reviewers who asked of one submission (its audit entry), never its submitter; once, whoever calls first. */
function tellOfSubmission(db: Db, s: Submit, ctx: MessageContext): number {
  const item = reviewItem(db, s);
  if (!item) return 0;
  let told = 0;
  const listeners = listenersOf(db, "review", item.review === "notice-version" ? "notice:publish" : "purpose:review");
  for (const l of listeners) if (l.staffId !== s.actorId && notify(db, l, "review", `audit:${s.id}`, item, ctx)) told++;
  return told;
}

/**
 * Tells reviewers of a submission in the submit's own transaction (db/purposes and db/notices workflows call it
 * with the audit entry they just wrote): an immediate notice leaves with the change or not at all. The job's
 * scan of the audit log finds the same entry later and tells nobody twice.
 */
export function tellReviewSubmitted(db: Db, auditEntryId: number, links: { baseUrl: string }): number {
  const s = db.$client
    .prepare(
      `SELECT a.id, a.action, a.target_id AS targetId, a.actor_id AS actorId, u.name AS submittedBy
       FROM audit_log a LEFT JOIN staff_users u ON u.id = a.actor_id WHERE a.id = ?`,
    )
    .get(auditEntryId) as Submit | undefined;
  return s ? tellOfSubmission(db, s, messageContext(db, links.baseUrl)) : 0;
}

/** The brand's name and clock for messages, with Candor's public address for their links. */
function messageContext(db: Db, baseUrl: string): MessageContext {
  const brand = db.select().from(brandSettings).where(eq(brandSettings.id, 1)).get();
  const timeZone = brand?.timeZone && isTimeZone(brand.timeZone) ? brand.timeZone : "UTC";
  return { brand: brand?.name ?? "Candor", baseUrl, timeZone };
}

function reviewItem(db: Db, s: Submit): Extract<NotificationItem, { about: "review" }> | null {
  if (s.action === "notice.submit") {
    const v = db.$client
      .prepare(
        "SELECT v.title, n.purpose_id AS purposeId, n.locale FROM notice_versions v JOIN notices n ON n.id = v.notice_id WHERE v.id = ?",
      )
      .get(Number(s.targetId)) as { title: string; purposeId: number; locale: string } | undefined;
    if (!v) return null;
    return {
      about: "review",
      review: "notice-version",
      title: v.title,
      submittedBy: s.submittedBy,
      path: `/admin/purposes/${v.purposeId}/notices/${v.locale}`,
    };
  }
  const p = db.$client.prepare("SELECT id, name FROM purposes WHERE id = ?").get(Number(s.targetId)) as
    { id: number; name: string } | undefined;
  if (!p) return null;
  const review = s.action === "purpose.submit" ? "purpose" : "purpose-revision";
  return { about: "review", review, title: p.name, submittedBy: s.submittedBy, path: `/admin/purposes/${p.id}` };
}

/** Failing recipient paths: an episode opens when a path is first seen failing (members told once) and closes when it is not. */
function paths(db: Db, now: Date, ctx: MessageContext): number {
  const failing = listFailingPaths(db);
  const open = db.select().from(pathFailureEpisodes).where(isNull(pathFailureEpisodes.closedAt)).all();
  const failingIds = new Set(failing.map((f) => f.pathId));
  for (const e of open)
    if (!failingIds.has(e.pathId)) db.update(pathFailureEpisodes).set({ closedAt: now }).where(eq(pathFailureEpisodes.id, e.id)).run();
  const openIds = new Set(open.map((e) => e.pathId));
  const listeners = listenersOf(db, "path-failing");
  let told = 0;
  for (const f of failing) {
    if (openIds.has(f.pathId)) continue;
    const episode = db
      .insert(pathFailureEpisodes)
      .values({ pathId: f.pathId, state: f.state, openedAt: now })
      .returning({ id: pathFailureEpisodes.id })
      .get();
    const item: NotificationItem = {
      about: "path",
      recipient: f.recipient,
      pathKind: f.kind,
      state: f.state,
      path: `/admin/recipients/${f.recipientId}`,
    };
    for (const l of listeners) if (notify(db, l, "path-failing", `path-episode:${episode.id}`, item, ctx)) told++;
  }
  return told;
}

/**
 * One run of the staff notification job (the server's background job and npm run notify): finds what
 * happened since the last run and what is due, tells each member who asked (at once, or in the digest), then
 * sends the digests that are due. Each step is its own transaction; a rerun tells nobody twice.
 */
export function runStaffNotifications(db: Db, now: Date, options: { baseUrl: string; forceDigest?: boolean }): NotificationRun {
  const ctx = messageContext(db, options.baseUrl);
  let told = 0;
  for (const step of [() => newRequests(db, ctx), () => reviews(db, ctx), () => clocks(db, now, ctx), () => paths(db, now, ctx)])
    told += db.$client.transaction(step).immediate();
  const digests = sendDueDigests(db, now, ctx, options.forceDigest);
  return { told, digests };
}
