import { denialReasons, type DenialReason, type RequestOutcome } from "@/lib/requests/vocabulary";
import { DAY_MS } from "@/lib/time";
import { CALIFORNIA, reportKindOf, reportKinds, reportRegimeOf, reportRegimes, type ReportKind, type ReportRegime } from "./kinds";
import { yearPeriod } from "./period";

/** A request as the report reads it: times in ms since the epoch. */
export type ReportRequest = {
  type: string;
  jurisdiction: string;
  status: string;
  receivedAt: number;
  dueAt: number;
  closedAt: number | null;
  outcome: RequestOutcome | null;
  denialReason: DenialReason | null;
};

/** Opt-outs of sale/sharing that arrived as consent choices (preference center, widget, GPC), per scope. */
export type ChoiceOptOuts = { california: number; all: number };

/** One row of figures. Days are calendar days from receipt to closing, to one decimal place. */
export type FigureRow = {
  received: number;
  /** Complied with in whole or in part. */
  complied: number;
  /** Of `complied`, those complied with in part. */
  compliedInPart: number;
  denied: number;
  /** Denied requests and the withheld parts of requests complied with in part, by reason. */
  byReason: Record<DenialReason, number>;
  /** Received in the year and not closed by its end: shown apart, not in complied, denied or the days. */
  openAtYearEnd: number;
  /** Closed by the year's end on or before their due date. */
  onTime: number;
  medianDays: number | null;
  meanDays: number | null;
  /** On-time share of the requests closed by the year's end, in per cent to one decimal place. */
  onTimeRate: number | null;
};
export type KindRow = FigureRow & { kind: ReportKind; viaChoices: number };
export type RegimeRow = FigureRow & { regime: ReportRegime };

/** A year's figures: what a published report freezes (kept as JSON, never recomputed). */
export type ReportFigures = {
  year: number;
  timeZone: string;
  /** The year's first and last instants in the brand's zone, ISO 8601. */
  periodStart: string;
  periodEnd: string;
  california: KindRow[];
  all: KindRow[];
  regimes: RegimeRow[];
  /**
   * How opt-outs through consent choices were counted: "per_person", once per person and change of state, dated in
   * the brand's zone. Reports published before it existed lack it: theirs counted once per person and sale/sharing
   * purpose, by UTC day, and their notes say so.
   */
  optOutCounting?: "per_person";
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** How a closed request ended: its recorded outcome, or for a row closed before outcomes existed, its status. */
function outcomeOf(r: ReportRequest): { outcome: RequestOutcome; reason: DenialReason | null } | null {
  const outcome = r.outcome ?? (r.status === "completed" ? "complied" : r.status === "rejected" ? "denied" : null);
  if (!outcome) return null;
  return { outcome, reason: outcome === "complied" ? null : (r.denialReason ?? "other") };
}

/** The median of `zeros` zero values followed by `sorted` (ascending, non-negative). */
function medianWithZeros(sorted: number[], zeros: number): number | null {
  const n = sorted.length + zeros;
  if (n === 0) return null;
  const at = (i: number) => (i < zeros ? 0 : sorted[i - zeros]);
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Figures for a set of requests received in the period; `choices` opt-outs count as complied with at once (0 days). */
function rowOf(requests: ReportRequest[], periodEnd: number, choices = 0): FigureRow {
  const byReason = Object.fromEntries(denialReasons.map((r) => [r, 0])) as Record<DenialReason, number>;
  const days: number[] = [];
  let complied = choices;
  let compliedInPart = 0;
  let denied = 0;
  let openAtYearEnd = 0;
  let onTime = choices;
  for (const r of requests) {
    const ended = r.closedAt !== null && r.closedAt < periodEnd ? outcomeOf(r) : null;
    if (!ended) {
      openAtYearEnd += 1;
      continue;
    }
    if (ended.outcome === "denied") denied += 1;
    else complied += 1;
    if (ended.outcome === "complied_in_part") compliedInPart += 1;
    if (ended.reason) byReason[ended.reason] += 1;
    days.push(Math.max(0, r.closedAt! - r.receivedAt) / DAY_MS);
    if (r.closedAt! <= r.dueAt) onTime += 1;
  }
  days.sort((a, b) => a - b);
  const responded = days.length + choices;
  const median = medianWithZeros(days, choices);
  return {
    received: requests.length + choices,
    complied,
    compliedInPart,
    denied,
    byReason,
    openAtYearEnd,
    onTime,
    medianDays: median === null ? null : round1(median),
    meanDays: responded === 0 ? null : round1(days.reduce((a, b) => a + b, 0) / responded),
    onTimeRate: responded === 0 ? null : round1((onTime / responded) * 100),
  };
}

function kindRows(requests: ReportRequest[], periodEnd: number, optOutChoices: number): KindRow[] {
  return reportKinds.map((kind) => {
    const viaChoices = kind === "opt_out" ? optOutChoices : 0;
    const mine = requests.filter((r) => reportKindOf(r.type) === kind);
    return { kind, viaChoices, ...rowOf(mine, periodEnd, viaChoices) };
  });
}

/**
 * A calendar year's §7102 figures in the brand's zone. Requests count in the year they were received (the zone's
 * 1 January 00:00 up to, not including, the next); those not closed by the year's end are shown apart. A request
 * complied with in part counts as complied with, and its withheld part under its denial reason. Requests outside the
 * year are ignored, so a caller may pass a wider set.
 */
export function computeReportFigures(year: number, timeZone: string, requests: ReportRequest[], choices: ChoiceOptOuts): ReportFigures {
  const { start, end } = yearPeriod(year, timeZone);
  const inYear = requests.filter((r) => r.receivedAt >= start && r.receivedAt < end);
  return {
    year,
    timeZone,
    periodStart: new Date(start).toISOString(),
    periodEnd: new Date(end - 1).toISOString(),
    california: kindRows(
      inYear.filter((r) => r.jurisdiction === CALIFORNIA),
      end,
      choices.california,
    ),
    all: kindRows(inYear, end, choices.all),
    regimes: reportRegimes.map((regime) => ({
      regime,
      ...rowOf(
        inYear.filter((r) => reportRegimeOf(r.jurisdiction) === regime),
        end,
      ),
    })),
    optOutCounting: "per_person",
  };
}
