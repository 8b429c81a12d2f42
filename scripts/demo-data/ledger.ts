import type { Random } from "@/lib/random";
import type { ConsentEventRow, ConsentStateRow, SubjectRow } from "@/db/seed/rows";
import { StateAggregates } from "@/db/consent/ledger/aggregates";
import { SaleRefusals } from "@/lib/consent/sale-opt-out";
import { generateHistory } from "./consent-history";
import type { ConsentPurpose } from "./reference";
import { RollupCounter } from "./rollups";
import { generateSubject, type DemoSubject } from "./subjects";
import type { Timeline } from "./timeline";

export type LedgerSink = {
  subject(r: SubjectRow): void;
  event(r: ConsentEventRow): void;
  state(r: ConsentStateRow): void;
};

export type LedgerOptions = {
  subjects: number;
  events: number;
  t: Timeline;
  purposes: readonly ConsentPurpose[];
  /** Subject ids whose details the caller needs later (for subject requests). */
  keep: ReadonlySet<number>;
  onProgress?: (subjects: number, events: number) => void;
};

export type LedgerResult = {
  rollups: RollupCounter;
  /** State totals, live grants, daily moves and grant endings, summed by the ledger's own writer of them. */
  aggregates: StateAggregates;
  kept: Map<number, DemoSubject>;
  subjects: number;
  events: number;
  states: number;
};

/**
 * Generates subjects one at a time, each with its whole consent history, and
 * hands every row to the sink as it is made: memory holds one subject's events,
 * plus the rollup counts. Each subject's share of the event total follows the
 * running average, so the total lands close to `events`.
 */
export function generateLedger(r: Random, opts: LedgerOptions, sink: LedgerSink): LedgerResult {
  const rollups = new RollupCounter(opts.t.legacyStart);
  // Every state change goes through the writer the live ledger and erasure use, so the seeded aggregates cannot drift from theirs.
  const aggregates = new StateAggregates();
  const kept = new Map<number, DemoSubject>();
  let eventId = 0;
  const nextId = () => ++eventId;
  let states = 0;
  const salePurposes = new Set(opts.purposes.filter((p) => p.saleOrSharing).map((p) => p.id));

  for (let id = 1; id <= opts.subjects; id++) {
    const subject = generateSubject(r, id, opts.t);
    if (opts.keep.has(id)) kept.set(id, subject);
    sink.subject(subject.row);

    const subjectsLeft = opts.subjects - id + 1;
    const mean = Math.max(1, (opts.events - eventId) / subjectsLeft);
    // A long tail: most subjects decide a few times, a few keep changing their minds.
    const spread = subjectsLeft === 1 ? 1 : 0.3 + 0.7 * -Math.log(1 - r.next());
    const budget = Math.max(1, Math.min(Math.round(mean * spread), Math.ceil(mean * 8)));

    // Opt-outs of sale/sharing are decided per person as the live ledger decides them, once the events are known.
    const saleMoves: { purposeId: number; prev: string | null; next: string; eventId: number }[] = [];
    const history = generateHistory(r, subject, budget, opts.purposes, opts.t, nextId, (purposeId, prev, next) => {
      aggregates.change(purposeId, subject.jurisdiction, prev, next);
      if (salePurposes.has(purposeId))
        saleMoves.push({ purposeId, prev: prev?.state ?? null, next: next.state, eventId: next.lastEventId });
    });
    if (saleMoves.length > 0) {
      const refusals = new SaleRefusals();
      const byId = new Map(history.events.map((e) => [e.id, e]));
      for (const m of saleMoves) {
        if (!refusals.change(m.purposeId, m.prev, m.next)) continue;
        const e = byId.get(m.eventId)!;
        aggregates.optOut(e.occurredAt, subject.jurisdiction, e.source, e.gpc === 1);
      }
    }
    for (const e of history.events) {
      sink.event(e);
      rollups.add(e);
    }
    for (const st of history.states) sink.state(st);
    states += history.states.length;
    if (opts.onProgress && (id % 1000 === 0 || id === opts.subjects)) opts.onProgress(id, eventId);
  }
  return { rollups, aggregates, kept, subjects: opts.subjects, events: eventId, states };
}
