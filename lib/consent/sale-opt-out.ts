import type { ConsentEventType } from "./vocabulary";

// CCPA §7102 counts requests to opt out of sale/sharing "once per person and change of state", and §7025(b) makes an
// opt-out preference signal (GPC) such a request. The opt-out is one right over the business's selling and sharing,
// not one per purpose: a person is opted out while they refuse any purpose that sells or shares their data, and
// each move from refusing none to refusing one is one opt-out. Refusing a second purpose meanwhile, or the same one
// again, is no new change of state; granting every refused purpose back and refusing again is.

/** The states in which a person refuses a purpose. */
export const refusalStates = ["withdrawn", "denied"] as const satisfies readonly ConsentEventType[];

/** Whether a purpose's state (or no decision yet) is a refusal. */
export function isRefusal(state: string | null | undefined): boolean {
  return state === "withdrawn" || state === "denied";
}

/**
 * Whether a change of one sale/sharing purpose's state opts the person out: it moves into a refusal, and at that
 * moment they refuse no other sale/sharing purpose. `refusesAnother` is asked only for a refusal that begins, so a
 * writer that must read the store for it does so rarely.
 */
export function opensOptOut(prev: string | null | undefined, next: string, refusesAnother: () => boolean): boolean {
  return isRefusal(next) && !isRefusal(prev) && !refusesAnother();
}

/** Opt-outs are kept per quarter of an hour (UTC): every time zone in use is offset by whole quarters, so any zone's year is a range of them. */
export const OPT_OUT_QUARTER_MS = 15 * 60 * 1000;

/** The quarter of an hour an instant falls in, counted from the epoch. */
export function quarterOf(ms: number): number {
  return Math.floor(ms / OPT_OUT_QUARTER_MS);
}

/** The quarters of a half-open range of instants [start, end) that begins and ends on a zone's midnight: [from, to). */
export function quarterRange(start: number, end: number): { from: number; to: number } {
  return { from: quarterOf(start), to: quarterOf(end) };
}

/**
 * One person's refusals of sale/sharing purposes, for a writer that replays their history in memory (the demo
 * generator): `change` answers whether the change opened an opt-out, as the live ledger decides it from the store.
 */
export class SaleRefusals {
  private readonly refused = new Set<number>();

  change(purposeId: number, prev: string | null | undefined, next: string): boolean {
    const others = this.refused.size - (this.refused.has(purposeId) ? 1 : 0);
    const opens = opensOptOut(prev, next, () => others > 0);
    if (isRefusal(next)) this.refused.add(purposeId);
    else this.refused.delete(purposeId);
    return opens;
  }
}
