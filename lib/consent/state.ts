import { DAY_MS } from "../time";
import type { ConsentEventType, EffectiveState } from "./vocabulary";

export type ConsentStateValue = {
  state: ConsentEventType;
  channels: string[];
  decidedAt: number;
  lastEventId: number;
  expiresAt: number | null;
  noticeVersionId: number;
  gpc: boolean;
};

export type AppliedEvent = {
  id: number;
  event: ConsentEventType;
  channel: string | null;
  occurredAt: number;
  noticeVersionId: number;
  gpc: boolean;
};

export type PurposeRules = { channels: string[]; validityDays: number | null };

/** Whether `e` is newer than the state it would replace: by time, then by ledger order. */
export function isNewer(e: { occurredAt: number; id: number }, prev: { decidedAt: number; lastEventId: number } | null): boolean {
  if (!prev) return true;
  return e.occurredAt > prev.decidedAt || (e.occurredAt === prev.decidedAt && e.id > prev.lastEventId);
}

/**
 * The current state after one more event. A purpose-level grant covers all of
 * the purpose's channels; a channel-level grant adds one channel; withdrawing
 * the last channel withdraws the purpose. An event older than the current
 * state stays in the ledger but does not change the present.
 */
export function nextState(prev: ConsentStateValue | null, e: AppliedEvent, purpose: PurposeRules): ConsentStateValue {
  if (prev && !isNewer(e, prev)) return prev;
  const wasGranted = prev?.state === "granted";
  let state: ConsentEventType = e.event;
  let channels: string[];
  if (e.event === "granted") {
    channels = e.channel ? [...new Set([...(wasGranted ? prev!.channels : []), e.channel])] : [...purpose.channels];
  } else if (e.event === "withdrawn" && e.channel && wasGranted) {
    channels = prev!.channels.filter((c) => c !== e.channel);
    if (channels.length > 0) state = "granted";
  } else {
    channels = [];
  }
  const renewed = e.event === "granted";
  return {
    state,
    channels: channels.sort(),
    decidedAt: e.occurredAt,
    lastEventId: e.id,
    expiresAt:
      state === "granted"
        ? renewed
          ? purpose.validityDays
            ? e.occurredAt + purpose.validityDays * DAY_MS
            : null
          : (prev?.expiresAt ?? null)
        : null,
    noticeVersionId: renewed || !wasGranted || state !== "granted" ? e.noticeVersionId : prev!.noticeVersionId,
    gpc: e.gpc,
  };
}

/** The state as of `now`: a grant past its validity counts as expired even before the expiry job runs. */
export function effectiveState(s: Pick<ConsentStateValue, "state" | "expiresAt"> | null, now: number): EffectiveState {
  if (!s) return "none";
  if (s.state === "granted" && s.expiresAt !== null && s.expiresAt <= now) return "expired";
  return s.state;
}

/** A grant decided before the purpose's last material change must be asked for again. */
export function isStale(s: Pick<ConsentStateValue, "state" | "decidedAt"> | null, materialChangeAt: number | null): boolean {
  return s?.state === "granted" && materialChangeAt !== null && s.decidedAt < materialChangeAt;
}
