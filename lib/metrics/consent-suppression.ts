import { can } from "../auth/permissions";
import type { ConsentAnalytics, PurposeGrants, SplitDimension, TrustDashboard } from "./dashboard-types";
import { belowK, suppressCells, type SumGroup, type Suppression } from "./suppression";

/**
 * A served row: the named figures may be null (suppressed, issue 20), and `suppressed` lists which. A count
 * is null because it is below k (also listed in `belowK`) or would let one below k be recovered by subtraction
 * (complementary); a rate because a count it is made of is.
 */
export type Shown<T, K extends keyof T> = Omit<T, K> & { [P in K]: number | null } & { suppressed?: K[]; belowK?: K[] };

/** The counts each consent row holds, each a figure of choices (events), never of people. */
export const eventCounts = ["granted", "denied", "withdrawn", "expired", "gpc", "gpcGranted"] as const;
/** The headline sums only the summary shows: answers = grants + refusals; GPC opt-outs = GPC events − GPC grants. */
export const headlineCounts = ["answers", "gpcOptOuts"] as const;
/** The purpose's stock figures: grants live now, people with a decision, stale and expiring grants. */
const stockCounts = ["live", "decided", "stale", "expiring"] as const;
/** Each rate and the counts it is made of: shown only when they all are (a rate and one count give the other). */
export const rateParts = {
  optInRate: ["granted", "denied"],
  withdrawalRate: ["withdrawn", "granted"],
  gpcHonoured: ["gpc", "gpcGranted"],
  activeRate: ["live", "decided"],
} as const;

type EventKey = (typeof eventCounts)[number] | "optInRate" | "withdrawalRate" | "gpcHonoured";
type PurposeKey = EventKey | (typeof stockCounts)[number] | "activeRate";
type SummaryKey = PurposeKey | (typeof headlineCounts)[number];
type CA = ConsentAnalytics;
export type ConsentAnalyticsView = {
  period: CA["period"];
  summary: Shown<CA["summary"], SummaryKey>;
  trend: Shown<CA["trend"][number], EventKey | "live">[];
  purposes: Shown<CA["purposes"][number], PurposeKey>[];
  splits: Record<SplitDimension, Shown<CA["splits"][SplitDimension][number], EventKey>[]>;
  suppression: Suppression;
};
type PG = PurposeGrants;
export type PurposeGrantsView = Omit<PG, "live" | "totals" | "flow" | "lifetimes" | "versions"> & {
  live: number | null;
  totals: Shown<PG["totals"], keyof PG["totals"]>;
  flow: Shown<PG["flow"][number], "started" | "withdrawn" | "denied" | "expired" | "live">[];
  lifetimes: Shown<PG["lifetimes"][number], "withdrawn" | "denied" | "expired">[];
  versions: Shown<PG["versions"][number], "live" | "started" | "ended">[];
  suppressed?: "live"[];
  belowK?: "live"[];
  suppression: Suppression;
};
export type TrustDashboardView = Omit<TrustDashboard, "context"> & {
  context: Shown<TrustDashboard["context"], "answers">;
  suppression: Suppression;
};

/** The k a role's consent figures are suppressed at, or null for exact ones: only "consent-analytics:read-exact" reads them exact. */
export function suppressionFor(role: unknown, brandK: number): number | null {
  return can(role, "consent-analytics:read-exact") ? null : brandK;
}

/** The cells and sums of one view, addressed by path ("trend.3.granted"). */
class Sheet {
  cells = new Map<string, number>();
  groups: SumGroup[] = [];
  add(path: string, row: object, keys: readonly string[]) {
    for (const key of keys) this.cells.set(`${path}.${key}`, Number((row as Record<string, unknown>)[key]));
  }
  /** `total` = Σ parts, for each of `keys`: a column of rows under its total row. */
  column(total: string, parts: readonly string[], keys: readonly string[]) {
    for (const key of keys) this.groups.push({ total: `${total}.${key}`, parts: parts.map((p) => `${p}.${key}`) });
  }
  /** Within one row: `total` = Σ parts (answers = grants + refusals). */
  within(path: string, total: string, parts: readonly string[]) {
    this.groups.push({ total: `${path}.${total}`, parts: parts.map((p) => `${path}.${p}`) });
  }
  /** The same figure shown twice (live now, and live at the last point's end): hidden together. */
  same(a: string, b: string) {
    if (this.cells.get(a) === this.cells.get(b)) this.groups.push({ total: a, parts: [b] }, { total: b, parts: [a] });
  }
}

/** The row with its hidden counts nulled and listed, and its rates nulled where a count they are made of is hidden. */
function apply<T extends object>(row: T, path: string, keys: readonly string[], hidden: ReadonlySet<string>, k: number) {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  const gone = keys.filter((key) => hidden.has(`${path}.${key}`));
  const small = gone.filter((key) => (out[key] as number) < k);
  for (const [rate, parts] of Object.entries(rateParts))
    if (rate in row && (parts as readonly string[]).some((p) => gone.includes(p))) gone.push(rate);
  for (const key of gone) out[key] = null;
  if (gone.length) out.suppressed = gone;
  if (small.length) out.belowK = small;
  return out as T & { suppressed?: string[]; belowK?: string[] };
}

/** Consent analytics as marketing reads it (k given) or as a privacy officer does (k null: exact, nothing hidden). */
export function suppressConsentAnalytics(view: ConsentAnalytics, k: number | null, brandK: number): ConsentAnalyticsView {
  if (k === null) return { ...view, suppression: { k: brandK, exact: true } };
  const s = new Sheet();
  const dims = Object.keys(view.splits) as SplitDimension[];
  const summaryKeys = [...eventCounts, ...headlineCounts, ...stockCounts];
  s.add("summary", view.summary, summaryKeys);
  s.within("summary", "answers", ["granted", "denied"]);
  s.within("summary", "gpc", ["gpcGranted", "gpcOptOuts"]);
  view.trend.forEach((r, i) => s.add(`trend.${i}`, r, [...eventCounts, "live"]));
  view.purposes.forEach((r, i) => s.add(`purposes.${i}`, r, [...eventCounts, ...stockCounts]));
  for (const d of dims) view.splits[d].forEach((r, i) => s.add(`splits.${d}.${i}`, r, eventCounts));
  s.column(
    "summary",
    view.trend.map((_, i) => `trend.${i}`),
    eventCounts,
  );
  s.column(
    "summary",
    view.purposes.map((_, i) => `purposes.${i}`),
    [...eventCounts, ...stockCounts],
  );
  for (const d of dims)
    s.column(
      "summary",
      view.splits[d].map((_, i) => `splits.${d}.${i}`),
      eventCounts,
    );
  if (view.trend.length) s.same("summary.live", `trend.${view.trend.length - 1}.live`);
  const hidden = suppressCells(s.cells, s.groups, k);
  return {
    period: view.period,
    summary: apply(view.summary, "summary", summaryKeys, hidden, k) as ConsentAnalyticsView["summary"],
    trend: view.trend.map((r, i) => apply(r, `trend.${i}`, [...eventCounts, "live"], hidden, k)) as ConsentAnalyticsView["trend"],
    purposes: view.purposes.map((r, i) =>
      apply(r, `purposes.${i}`, [...eventCounts, ...stockCounts], hidden, k),
    ) as ConsentAnalyticsView["purposes"],
    splits: Object.fromEntries(
      dims.map((d) => [d, view.splits[d].map((r, i) => apply(r, `splits.${d}.${i}`, eventCounts, hidden, k))]),
    ) as ConsentAnalyticsView["splits"],
    suppression: { k, exact: false },
  };
}

const endings = ["withdrawn", "denied", "expired"] as const;

/** One purpose's grants, suppressed the same way; the period's totals tie the flow, lifetimes and versions together. */
export function suppressPurposeGrants(view: PurposeGrants, k: number | null, brandK: number): PurposeGrantsView {
  if (k === null) return { ...view, suppression: { k: brandK, exact: true } };
  const s = new Sheet();
  s.add("purpose", view, ["live"]);
  s.add("totals", view.totals, ["started", ...endings, "ended"]);
  view.flow.forEach((r, i) => s.add(`flow.${i}`, r, ["started", ...endings, "live"]));
  view.lifetimes.forEach((r, i) => s.add(`lifetimes.${i}`, r, endings));
  view.versions.forEach((r, i) => s.add(`versions.${i}`, r, ["live", "started", "ended"]));
  const flow = view.flow.map((_, i) => `flow.${i}`);
  const versions = view.versions.map((_, i) => `versions.${i}`);
  s.column("totals", flow, ["started", ...endings]);
  s.column(
    "totals",
    view.lifetimes.map((_, i) => `lifetimes.${i}`),
    endings,
  );
  s.column("totals", versions, ["started", "ended"]);
  s.within("totals", "ended", endings);
  s.groups.push({ total: "purpose.live", parts: versions.map((v) => `${v}.live`) });
  if (flow.length) s.same("purpose.live", `${flow.at(-1)}.live`);
  const hidden = suppressCells(s.cells, s.groups, k);
  const liveHidden = hidden.has("purpose.live");
  return {
    ...view,
    live: liveHidden ? null : view.live,
    ...(liveHidden ? { suppressed: ["live" as const] } : {}),
    ...(liveHidden && view.live < k ? { belowK: ["live" as const] } : {}),
    totals: apply(view.totals, "totals", ["started", ...endings, "ended"], hidden, k) as PurposeGrantsView["totals"],
    flow: view.flow.map((r, i) => apply(r, `flow.${i}`, ["started", ...endings, "live"], hidden, k)) as PurposeGrantsView["flow"],
    lifetimes: view.lifetimes.map((r, i) => apply(r, `lifetimes.${i}`, endings, hidden, k)) as PurposeGrantsView["lifetimes"],
    versions: view.versions.map((r, i) =>
      apply(r, `versions.${i}`, ["live", "started", "ended"], hidden, k),
    ) as PurposeGrantsView["versions"],
    suppression: { k, exact: false },
  };
}

/** The trust dashboard: its score and indicators stay as they are; only the count of answers behind them is a small cell. */
export function suppressTrustDashboard(view: TrustDashboard, k: number | null, brandK: number): TrustDashboardView {
  if (k === null || view.context.answers >= k) return { ...view, suppression: { k: k ?? brandK, exact: k === null } };
  return {
    ...view,
    context: { ...view.context, answers: null, suppressed: ["answers"], belowK: ["answers"] },
    suppression: { k, exact: false },
  };
}

type Totals = { granted: number; denied: number; withdrawn: number; gpc: number };
export type TotalsView = Shown<Totals & { answers: number }, keyof Totals | "answers">;

/** The overview's headline totals (grants, withdrawals, GPC signals, answers; refusals are answers minus grants), suppressed alike. */
export function suppressTotals(totals: Totals, k: number | null): TotalsView {
  const row = { ...totals, answers: totals.granted + totals.denied };
  if (k === null) return row;
  const s = new Sheet();
  s.add("t", row, ["granted", "denied", "withdrawn", "gpc", "answers"]);
  s.within("t", "answers", ["granted", "denied"]);
  return apply(row, "t", ["granted", "denied", "withdrawn", "gpc", "answers"], suppressCells(s.cells, s.groups, k), k) as TotalsView;
}

/** What a table cell or CSV field says for a suppressed figure: "< k" when it is below k, else the word for hidden. */
export function suppressedText(row: { belowK?: readonly string[] }, key: string, k: number, hiddenWord: string): string {
  return row.belowK?.includes(key) ? belowK(k) : hiddenWord;
}

/** A row as a table or CSV file gives it: each suppressed figure as its text (suppressedText). */
export function shownRow<T extends object>(
  row: T & { suppressed?: readonly string[]; belowK?: readonly string[] },
  k: number,
  hiddenWord: string,
): T {
  if (!row.suppressed?.length) return row;
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const key of row.suppressed) out[key] = suppressedText(row, key, k, hiddenWord);
  return out as T;
}
