import type { Random } from "@/lib/random";
import type { ConsentEventRow, ConsentStateRow } from "@/db/seed/rows";
import { nextState, type ConsentStateValue } from "@/lib/consent/state";
import type { ConsentPurpose, LiveVersion } from "./reference";
import type { DemoSubject, Source } from "./subjects";
import { HOUR_MS, type Timeline } from "./timeline";

type EventType = ConsentEventRow["event"];

const channelAppeal: Record<string, number> = { email: 0.9, sms: 0.45, push: 0.55, post: 0.12, in_app: 0.8, phone: 0.2 };
const changeSources: readonly (readonly [Source, number])[] = [
  ["preference_center", 0.5],
  ["api", 0.24],
  ["banner", 0.2],
  ["call_center", 0.06],
];
const browserSources = new Set<Source>(["banner", "preference_center"]);

function liveVersion(p: ConsentPurpose, locale: DemoSubject["locale"], at: number): LiveVersion {
  const list = p.versions[locale];
  let live = list[0];
  for (const v of list) if (v.publishedAt <= at) live = v;
  return live;
}

const isActive = (p: ConsentPurpose, at: number) => p.activeFrom <= at && (p.activeUntil === null || at < p.activeUntil);

/**
 * A subject's consent events, in time order, about `budget` of them (expiries
 * may add a few), and the consent state they leave behind. Event ids come from
 * `nextId`, so id order is time order within the subject; `onChange` hears
 * every change of state, as the ledger's own bookkeeping would.
 */
export function generateHistory(
  r: Random,
  s: DemoSubject,
  budget: number,
  purposes: readonly ConsentPurpose[],
  t: Timeline,
  nextId: () => number,
  onChange?: (purposeId: number, prev: ConsentStateValue | null, next: ConsentStateValue) => void,
): { events: ConsentEventRow[]; states: ConsentStateRow[] } {
  const events: ConsentEventRow[] = [];
  // State follows the app's own rule (lib/consent/state.ts), so seeded state is what live writes would leave.
  const tracks = new Map<ConsentPurpose, ConsentStateValue>();
  const minor = s.row.isMinor === 1;
  let last = 0;

  const emit = (
    p: ConsentPurpose,
    event: EventType,
    channel: string | null,
    at: number,
    source: Source,
    gpc: 0 | 1,
    versionId?: number,
  ) => {
    const occurredAt = Math.max(at, last + 1000);
    if (occurredAt >= t.anchor) return;
    last = occurredAt;
    // In-store sign-up sheets ("import") are keyed in when the subject's record is created, days after they were signed.
    const recordedAt = source === "import" ? Math.max(occurredAt, s.row.createdAt) : occurredAt + r.int(40, 1500);
    const row: ConsentEventRow = {
      id: nextId(),
      subjectId: s.row.id,
      purposeId: p.id,
      noticeVersionId: versionId ?? liveVersion(p, s.locale, occurredAt).id,
      event,
      channel,
      jurisdiction: s.jurisdiction,
      source,
      locale: s.locale,
      gpc,
      guardianName: source === "system" ? null : s.row.guardianName,
      occurredAt,
      recordedAt: Math.max(occurredAt, Math.min(recordedAt, t.anchor - 1)),
    };
    events.push(row);
    const prev = tracks.get(p) ?? null;
    const next = nextState(prev, { ...row, gpc: gpc === 1 }, p);
    if (next !== prev) onChange?.(p.id, prev, next);
    tracks.set(p, next);
  };

  // Grants lapse on their own: Candor writes the expiry ("system"), under the notice the grant was given on.
  const expireUntil = (at: number) => {
    const due = [...tracks].filter(([, st]) => st.state === "granted" && st.expiresAt !== null && st.expiresAt <= at);
    due.sort((a, b) => a[1].expiresAt! - b[1].expiresAt!);
    for (const [p, st] of due) emit(p, "expired", null, st.expiresAt!, "system", 0, st.noticeVersionId);
  };

  const grantOrDeny = (p: ConsentPurpose, at: number, source: Source, chance: number) => {
    const allowed = !(minor && (p.saleOrSharing || p.key === "precise_location"));
    if (!allowed || !r.bernoulli(Math.min(chance, 0.95))) return emit(p, "denied", null, at, source, 0);
    if (p.channels.length < 2 || r.bernoulli(0.55)) return emit(p, "granted", null, at, source, 0);
    const picked = p.channels.filter((c) => r.bernoulli(channelAppeal[c] ?? 0.5));
    if (picked.length === 0) picked.push(r.pick(p.channels));
    let when = at;
    for (const c of picked) {
      if (events.length >= budget) break;
      emit(p, "granted", c, when, source, 0);
      when += r.int(1, 4) * 1000;
    }
  };

  // First contact: every active purpose that is asked gets an answer; GPC answers ad sharing on its own.
  let at = s.firstAt;
  for (const p of purposes) {
    if (events.length >= budget) break;
    if (!isActive(p, at) || !r.bernoulli(p.offered)) continue;
    if (p.saleOrSharing && s.gpc && browserSources.has(s.firstSource)) emit(p, "denied", null, at, s.firstSource, 1);
    else grantOrDeny(p, at, s.firstSource, p.optIn[s.jurisdiction]);
    at = last + r.int(1, 6) * 1000;
  }

  // Later changes of mind, spread over the window; about half come in the same sitting as the one before.
  const from = Math.max(s.firstAt + HOUR_MS, t.windowStart);
  const until = t.anchor - 60_000;
  const times: number[] = [];
  for (let i = events.length; i < budget && from < until; i++) times.push(r.float(from, until));
  times.sort((a, b) => a - b);
  let source: Source = "preference_center";
  for (let i = 0; i < times.length && events.length < budget; i++) {
    const sameSitting = i > 0 && r.bernoulli(0.45);
    const when = sameSitting ? last + r.int(5, 90) * 1000 : Math.floor(times[i]);
    if (!sameSitting) source = r.weighted(changeSources);
    expireUntil(when);
    if (events.length >= budget) break;
    changeOfMind(when, source);
  }
  expireUntil(t.anchor - 1);

  function changeOfMind(when: number, source: Source) {
    const available = purposes.filter((p) => isActive(p, when));
    if (available.length === 0) return;
    const sale = available.find((p) => p.saleOrSharing);
    if (sale && s.gpc && browserSources.has(source) && r.bernoulli(0.5)) {
      return emit(sale, tracks.get(sale)?.state === "granted" ? "withdrawn" : "denied", null, when, source, 1);
    }
    const p = r.weighted(available.map((x) => [x, x.changeWeight] as const));
    const tr = tracks.get(p);
    const optIn = p.optIn[s.jurisdiction];
    if (!tr) return grantOrDeny(p, when, source, optIn);
    if (tr.state !== "granted") return grantOrDeny(p, when, source, optIn * (tr.state === "expired" ? 1.4 : 0.7));
    const live = liveVersion(p, s.locale, when);
    if (live.material && live.id !== tr.noticeVersionId) {
      return r.bernoulli(0.6) ? emit(p, "granted", null, when, source, 0) : emit(p, "withdrawn", null, when, source, 0);
    }
    // Purposes people like are kept; the rest are dropped again, so the granted share settles near the opt-in rate.
    if (r.bernoulli((1 - optIn) * 0.9)) return emit(p, "withdrawn", null, when, source, 0);
    const missing = p.channels.filter((c) => !tr.channels.includes(c));
    if (missing.length > 0 && r.bernoulli(0.5)) return emit(p, "granted", r.pick(missing), when, source, 0);
    emit(p, "granted", null, when, source, 0);
  }

  const states: ConsentStateRow[] = [];
  for (const [p, st] of tracks) {
    states.push({
      subjectId: s.row.id,
      purposeId: p.id,
      state: st.state,
      channels: st.channels,
      noticeVersionId: st.noticeVersionId,
      lastEventId: st.lastEventId,
      gpc: st.gpc ? 1 : 0,
      decidedAt: st.decidedAt,
      expiresAt: st.expiresAt,
    });
  }
  states.sort((a, b) => a.purposeId - b.purposeId);
  return { events, states };
}
