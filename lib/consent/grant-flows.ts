import { lifetimeBucket } from "../metrics/grant-lifetime";
import type { ConsentStateValue } from "./state";
import { DAY_MS } from "../time";

type StateLike = Pick<ConsentStateValue, "state" | "decidedAt" | "expiresAt" | "noticeVersionId">;

const days = new Map<number, string>();

/** The UTC day of an instant, YYYY-MM-DD; the ledger asks for a handful of days many times over, so each is formatted once. */
export function utcDayOf(ms: number): string {
  const n = Math.floor(ms / DAY_MS);
  let s = days.get(n);
  if (s === undefined) {
    if (days.size > 4096) days.clear();
    s = new Date(n * DAY_MS).toISOString().slice(0, 10);
    days.set(n, s);
  }
  return s;
}

const day = utcDayOf;

/** Where a live grant is counted: the notice version it came under and the UTC day it expires ("" for never). */
export type GrantKey = { noticeVersionId: number; expiresDay: string };

/** A change of state on a day; `from` is "" for a first decision. The version is the grant's (0 when neither side is a grant). */
export type StateMove = { day: string; from: string; to: string; noticeVersionId: number };

/** A grant that stopped: how, under which notice version, and how long it had lasted (a lifetime bucket index). */
export type GrantEnding = { day: string; endedAs: string; noticeVersionId: number; lifetime: number };

/** `net` is +1 when a grant starts, -1 when one stops, on the day of `move`. */
export type GrantFlows = { leave?: GrantKey; join?: GrantKey; move?: StateMove; net?: 1 | -1; ending?: GrantEnding };

/** The key a granted state is counted under. */
export function grantKey(s: StateLike): GrantKey {
  return { noticeVersionId: s.noticeVersionId, expiresDay: s.expiresAt === null ? "" : day(s.expiresAt) };
}

/**
 * What one state change does to the dashboard aggregates: the live-grant key
 * it leaves and joins, the move between states (dated by the event that
 * caused it), and, when a grant stops, how long it had lasted since it was
 * last decided. `next` is the state after an event that changed it.
 */
export function grantFlows(prev: StateLike | null, next: StateLike): GrantFlows {
  const out: GrantFlows = {};
  const wasGranted = prev?.state === "granted";
  const isGranted = next.state === "granted";
  if (wasGranted) out.leave = grantKey(prev);
  if (isGranted) out.join = grantKey(next);
  if (prev?.state !== next.state) {
    const version = isGranted ? next.noticeVersionId : wasGranted ? prev.noticeVersionId : 0;
    out.move = { day: day(next.decidedAt), from: prev?.state ?? "", to: next.state, noticeVersionId: version };
    if (isGranted || wasGranted) out.net = isGranted ? 1 : -1;
  }
  if (wasGranted && !isGranted) {
    out.ending = {
      day: day(next.decidedAt),
      endedAs: next.state,
      noticeVersionId: prev.noticeVersionId,
      lifetime: lifetimeBucket(next.decidedAt - prev.decidedAt),
    };
  }
  return out;
}
