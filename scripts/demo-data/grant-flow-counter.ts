import { grantFlows } from "@/lib/consent/grant-flows";
import { consentEventTypes } from "@/lib/consent/vocabulary";
import { jurisdictions } from "@/lib/jurisdictions";
import type { ConsentStateValue } from "@/lib/consent/state";
import type { GrantFlowRows } from "@/db/seed/rows";
import { DAY_MS } from "@/lib/time";

const states = ["", ...consentEventTypes];

/** Packs small non-negative integers into one safe integer (mixed radix), so ten million keys build no strings. */
class Packer {
  constructor(private readonly radices: readonly number[]) {}

  pack(values: readonly number[]): number {
    let key = 0;
    values.forEach((v, i) => {
      if (!Number.isInteger(v) || v < 0 || v >= this.radices[i]) throw new Error(`a grant-flow key part (${v}) is out of range`);
      key = key * this.radices[i] + v;
    });
    return key;
  }

  unpack(key: number): number[] {
    const out = new Array<number>(this.radices.length);
    for (let i = this.radices.length - 1; i >= 0; i--) {
      out[i] = key % this.radices[i];
      key = Math.floor(key / this.radices[i]);
    }
    return out;
  }
}

// Days are counted from the counter's first day; versions and purposes are ids.
const DAYS = 1 << 15;
const PURPOSES = 64;
const VERSIONS = 1 << 12;
const keys = {
  versions: new Packer([PURPOSES, 8, VERSIONS]),
  expiries: new Packer([DAYS, PURPOSES, 8]),
  net: new Packer([DAYS, PURPOSES, 8]),
  moves: new Packer([PURPOSES, DAYS, 8, 8, 8, VERSIONS]),
  endings: new Packer([PURPOSES, DAYS, 8, VERSIONS, 8, 16]),
};
type Table = keyof typeof keys;

function index(list: readonly string[], value: string): number {
  const i = list.indexOf(value);
  if (i === -1) throw new Error(`"${value}" is not a dimension the grant-flow key can hold`);
  return i;
}

/**
 * Counts what the ledger's grant-flow bookkeeping (lib/consent/grant-flows.ts)
 * writes for the same state changes: live grants by notice version and by
 * expiry day, daily grant deltas, daily state moves and grant endings.
 */
export class GrantFlowCounter {
  private readonly firstDay: number;
  private readonly counts: Record<Table, Map<number, number>> = {
    versions: new Map(),
    expiries: new Map(),
    net: new Map(),
    moves: new Map(),
    endings: new Map(),
  };

  constructor(since: number) {
    this.firstDay = Math.floor(since / DAY_MS);
  }

  private d(day: string): number {
    return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS) - this.firstDay;
  }

  private day(i: number): string {
    return new Date((this.firstDay + i) * DAY_MS).toISOString().slice(0, 10);
  }

  private add(table: Table, parts: number[], by: number): void {
    const k = keys[table].pack(parts);
    const map = this.counts[table];
    map.set(k, (map.get(k) ?? 0) + by);
  }

  /** One state change of a subject's consent to a purpose (the subject's jurisdiction). */
  change(purposeId: number, jurisdiction: string, prev: ConsentStateValue | null, next: ConsentStateValue): void {
    const f = grantFlows(prev, next);
    const j = index(jurisdictions, jurisdiction);
    if (f.move) {
      const m = f.move;
      this.add("moves", [purposeId, this.d(m.day), j, index(states, m.from), index(states, m.to), m.noticeVersionId], 1);
      if (f.net) this.add("net", [this.d(m.day), purposeId, j], f.net);
    }
    if (f.ending) {
      const e = f.ending;
      this.add("endings", [purposeId, this.d(e.day), j, e.noticeVersionId, index(states, e.endedAs), e.lifetime], 1);
    }
  }

  /** A state left at the end of a subject's history: a grant counts as live. */
  final(purposeId: number, jurisdiction: string, st: ConsentStateValue): void {
    const k = grantFlows(null, st).join;
    if (!k) return;
    const j = index(jurisdictions, jurisdiction);
    this.add("versions", [purposeId, j, k.noticeVersionId], 1);
    if (k.expiresDay) this.add("expiries", [this.d(k.expiresDay), purposeId, j], 1);
  }

  private *rows<R>(table: Table, shape: (parts: number[], n: number) => R): Generator<R> {
    for (const [key, n] of this.counts[table]) if (n !== 0) yield shape(keys[table].unpack(key), n);
  }

  /** The rows of the five tables, for the bulk loader. */
  tables(): GrantFlowRows {
    const J = (j: number) => jurisdictions[j];
    return {
      versions: this.rows("versions", ([p, j, v], count) => ({ purposeId: p, jurisdiction: J(j), noticeVersionId: v, count })),
      expiries: this.rows("expiries", ([d, p, j], count) => ({ expiresDay: this.day(d), purposeId: p, jurisdiction: J(j), count })),
      net: this.rows("net", ([d, p, j], delta) => ({ day: this.day(d), purposeId: p, jurisdiction: J(j), delta })),
      moves: this.rows("moves", ([p, d, j, from, to, v], count) => ({
        purposeId: p,
        day: this.day(d),
        jurisdiction: J(j),
        fromState: states[from],
        toState: states[to],
        noticeVersionId: v,
        count,
      })),
      endings: this.rows("endings", ([p, d, j, v, endedAs, lifetime], count) => ({
        purposeId: p,
        day: this.day(d),
        jurisdiction: J(j),
        noticeVersionId: v,
        endedAs: states[endedAs],
        lifetime,
        count,
      })),
    };
  }
}
