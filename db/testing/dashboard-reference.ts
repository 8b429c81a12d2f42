import { nextState, type ConsentStateValue } from "@/lib/consent/state";
import { lifetimeBucket } from "@/lib/metrics/grant-lifetime";
import type { Db } from "../connection";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type Transition = {
  pair: string;
  purposeId: number;
  jurisdiction: string;
  day: string;
  from: string;
  to: string;
  prev: ConsentStateValue | null;
  next: ConsentStateValue;
};

/**
 * Replays the raw ledger, pair by pair in time order, through the consent
 * state rule and lists every change of state: the reference the grant
 * aggregates are checked against. Jurisdiction is the subject's.
 */
export function replayLedger(db: Db): Transition[] {
  const purposes = new Map(
    (
      db.$client.prepare("SELECT id, channels, validity_days AS validityDays FROM purposes").all() as {
        id: number;
        channels: string;
        validityDays: number | null;
      }[]
    ).map((p) => [p.id, { channels: JSON.parse(p.channels) as string[], validityDays: p.validityDays }]),
  );
  const rows = db.$client
    .prepare(
      `SELECT e.id, e.subject_id AS subjectId, e.purpose_id AS purposeId, e.event, e.channel, e.occurred_at AS occurredAt,
              e.notice_version_id AS noticeVersionId, e.gpc, s.jurisdiction
       FROM consent_events e JOIN subjects s ON s.id = e.subject_id ORDER BY e.subject_id, e.purpose_id, e.occurred_at, e.id`,
    )
    .all() as {
    id: number;
    subjectId: number;
    purposeId: number;
    event: ConsentStateValue["state"];
    channel: string | null;
    occurredAt: number;
    noticeVersionId: number;
    gpc: number;
    jurisdiction: string;
  }[];
  const out: Transition[] = [];
  let pair = "";
  let state: ConsentStateValue | null = null;
  for (const r of rows) {
    const key = `${r.subjectId}:${r.purposeId}`;
    if (key !== pair) {
      pair = key;
      state = null;
    }
    const next = nextState(state, { ...r, gpc: Boolean(r.gpc) }, purposes.get(r.purposeId)!);
    if (next !== state && (state === null || next.state !== state.state || next.state === "granted"))
      out.push({
        pair: key,
        purposeId: r.purposeId,
        jurisdiction: r.jurisdiction,
        day: day(next.decidedAt),
        from: state?.state ?? "",
        to: next.state,
        prev: state,
        next,
      });
    state = next;
  }
  return out;
}

/** How long a grant that stopped had lasted, as the lifetime bucket index. */
export const endedLifetime = (t: Transition) => lifetimeBucket(t.next.decidedAt - t.prev!.decidedAt);

/** A direct count over rows of a raw-table query. */
export function rowsOf<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}
