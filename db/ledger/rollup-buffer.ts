import type { LedgerStatements } from "./statements";

/** Sums rollup and state-total changes over a batch so each key is written once. */
export class RollupBuffer {
  private readonly events = new Map<string, number>();
  private readonly totals = new Map<string, number>();

  countEvent(at: number, purposeId: number, jurisdiction: string, source: string, locale: string, channel: string, event: string, gpc: boolean): void {
    const key = [new Date(at).toISOString().slice(0, 10), purposeId, jurisdiction, source, locale, channel, event, gpc ? 1 : 0].join("\u0000");
    this.events.set(key, (this.events.get(key) ?? 0) + 1);
  }

  moveState(purposeId: number, jurisdiction: string, from: string | null, to: string): void {
    if (from) this.bump(`${purposeId}\u0000${jurisdiction}\u0000${from}`, -1);
    this.bump(`${purposeId}\u0000${jurisdiction}\u0000${to}`, 1);
  }

  private bump(key: string, by: number): void {
    this.totals.set(key, (this.totals.get(key) ?? 0) + by);
  }

  flush(s: LedgerStatements): void {
    for (const [key, n] of this.events) {
      const [day, purposeId, jurisdiction, source, locale, channel, event, gpc] = key.split("\u0000");
      s.bumpRollup.run(day, Number(purposeId), jurisdiction, source, locale, channel, event, Number(gpc), n);
    }
    for (const [key, n] of this.totals) {
      if (n === 0) continue;
      const [purposeId, jurisdiction, state] = key.split("\u0000");
      s.bumpTotal.run(Number(purposeId), jurisdiction, state, n);
    }
    this.events.clear();
    this.totals.clear();
  }
}
