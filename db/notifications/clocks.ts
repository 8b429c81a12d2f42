import { openRequestStatuses, type RequestType } from "@/lib/requests/vocabulary";
import { DUE_SOON_DAYS } from "@/lib/requests/filter";
import { DAY_MS } from "@/lib/time";
import type { MessageContext, NotificationItem } from "@/lib/notifications/messages";
import type { Db } from "../connection";
import { listenersOf, notify, type Listener } from "./record";

type ClockEvent = "due-soon" | "overdue";

/** One request a member has not yet been told is due soon or overdue. */
export type UntoldClock = { id: number; ref: string; type: RequestType; dueAt: number; staffId: number };

/**
 * Open requests in the event's window (overdue: past due; due-soon: due within DUE_SOON_DAYS, not yet past)
 * paired with the listeners they wait on (their assignee, or everyone while nobody is assigned), leaving out
 * every pair already told: NOT EXISTS probes staff_notifications' unique (staff, event, item) index, so an
 * old overdue backlog costs one index lookup per row once told, and no insert.
 */
export const UNTOLD_CLOCKS_SQL = `SELECT r.id, r.ref, r.type, r.due_at AS dueAt, l.value AS staffId
  FROM subject_requests r JOIN json_each(?) l
  WHERE r.status IN (${openRequestStatuses.map(() => "?").join(", ")}) AND r.due_at >= ? AND r.due_at < ?
    AND (r.assignee_id IS NULL OR r.assignee_id = l.value)
    AND NOT EXISTS (SELECT 1 FROM staff_notifications n WHERE n.staff_id = l.value AND n.event = ? AND n.item_key = 'request:' || r.id)
  ORDER BY r.due_at, r.id`;

/** The arguments of UNTOLD_CLOCKS_SQL for one event, its listeners and now. */
export function untoldClocksArgs(event: ClockEvent, staffIds: number[], now: Date): unknown[] {
  const [from, to] = event === "overdue" ? [0, now.getTime()] : [now.getTime(), now.getTime() + DUE_SOON_DAYS * DAY_MS];
  return [JSON.stringify(staffIds), ...openRequestStatuses, from, to, event];
}

export function untoldClocks(db: Db, event: ClockEvent, listeners: Listener[], now: Date): UntoldClock[] {
  if (listeners.length === 0) return [];
  return db.$client.prepare(UNTOLD_CLOCKS_SQL).all(
    ...untoldClocksArgs(
      event,
      listeners.map((l) => l.staffId),
      now,
    ),
  ) as UntoldClock[];
}

/**
 * Open requests due within DUE_SOON_DAYS ("due-soon") or past due ("overdue"), for the members they wait on,
 * once per request and member (the row's key); the scan reads only what nobody has been told yet.
 */
export function clocks(db: Db, now: Date, ctx: MessageContext): number {
  let told = 0;
  for (const event of ["due-soon", "overdue"] as const) {
    const listeners = listenersOf(db, event);
    const byId = new Map(listeners.map((l) => [l.staffId, l]));
    for (const r of untoldClocks(db, event, listeners, now)) {
      const item: NotificationItem = { about: "request", ref: r.ref, requestType: r.type, dueAt: r.dueAt, path: `/admin/requests/${r.id}` };
      if (notify(db, byId.get(r.staffId)!, event, `request:${r.id}`, item, ctx)) told++;
    }
  }
  return told;
}
