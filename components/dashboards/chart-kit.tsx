"use client";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, type FrameColumn } from "@/components/ui/chart-frame";
import { axisLabelLines } from "@/lib/metrics/axis-label";
import { csvFileName } from "@/lib/metrics/csv";
import { shownRow, suppressedText } from "@/lib/metrics/consent-suppression";
import { belowK, type Suppression } from "@/lib/metrics/suppression";
import { splitTrend } from "@/lib/metrics/in-progress";
import type { Bucket, Period } from "@/lib/metrics/period";

/** Colours with at least 3:1 contrast on white, told apart by legend and table too, never by colour alone. */
export const palette = {
  granted: "#1a7f37",
  denied: "#8c959f",
  withdrawn: "#b42318",
  expired: "#8a5a00",
  live: "#1f5f8b",
  other: "#6f42c1",
  gpc: "#0b7285",
};

export type Series<T> = { key: keyof T & string; label: string; color: string; stack?: string };

/** Number and percent formatting in the page's language; a missing figure is a dash. */
export function useFormat() {
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    n: (v: number | null | undefined) => (v === null || v === undefined ? "—" : number.format(v)),
    pct: (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${one.format(v)}%`),
    days: (v: number | null | undefined) => (v === null || v === undefined ? "—" : one.format(v)),
  };
}

/** The frame's fixed texts, from the dashboards catalog. */
export function useFrameLabels() {
  const t = useTranslations("dashboards.frame");
  return {
    download: t("download"),
    table: t("table"),
    loading: t("loading"),
    empty: t("empty"),
    error: t("error"),
    soFar: t("soFar"),
    hidden: t("hidden"),
    suppressed: (k: number) => t("suppressedNote", { k: belowK(k), n: k, hidden: t("hidden") }),
  };
}

/** The sentence beside a trend for its point still counting: today's, or the last bucket's since its first day. */
function useSoFarNote() {
  const t = useTranslations("dashboards.frame");
  return (span: Partial<Bucket>, figures: string) =>
    span.start && span.start !== span.end ? t("soFarSince", { from: span.start, figures }) : t("soFarToday", { figures });
}

type ChartProps<T> = {
  id: string;
  title: string;
  description?: ReactNode;
  summary: string;
  period: Period;
  rows: T[] | undefined;
  status: "pending" | "error" | "success";
  /** The row field the x axis shows (a date, a purpose, a value). */
  x: keyof T & string;
  xLabel: string;
  xFormat?: (row: T) => string;
  series: Series<T>[];
  kind?: "line" | "bar";
  layout?: "horizontal" | "vertical";
  unit?: string;
  extraColumns?: FrameColumn<T>[];
  empty?: (rows: T[]) => boolean;
  height?: number;
  /**
   * A point still counting (its span ends today or later; rows with `start` and `end`): left out of the chart and
   * stated beside it, and marked "so far" in the table, so a partial day is never drawn as a fall.
   */
  inProgress?: (row: T) => boolean;
  /** Whole ticks for the value axis, and the axis's unit in words (durations: lib/metrics/duration-axis). */
  valueAxis?: { ticks: number[]; label: string };
  /**
   * The view's small-cell suppression (issue 20): a row's `suppressed` figures read "< k" in the table and CSV
   * (a rate made of one reads "—"), are gaps in the chart, and a note under it says why.
   */
  suppression?: Suppression;
};

const hiddenIn = (row: object): readonly string[] => (row as { suppressed?: string[] }).suppressed ?? [];

/** A line or bar chart of plain rows, in a ChartFrame that also gives them as a table and a CSV file. */
const categoryWidth = 150;

/** A category's label (a purpose's name) on up to two lines within the label column, the whole name in its title. */
function CategoryTick({ x = 0, y = 0, payload }: { x?: number; y?: number; payload?: { value?: unknown } }) {
  const label = String(payload?.value ?? "");
  const lines = axisLabelLines(label, categoryWidth - 14, 12);
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#57606a">
      <title>{label}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${0.35 - (lines.length - 1) * 0.6}em` : "1.2em"}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function DashboardChart<T extends object>(p: ChartProps<T>) {
  const labels = useFrameLabels();
  const soFarNote = useSoFarNote();
  const f = useFormat();
  const rows = p.rows ?? [];
  const nothing = p.empty
    ? p.empty(rows)
    : rows.length === 0 || rows.every((r) => p.series.every((s) => !Number(r[s.key]) && !hiddenIn(r).includes(s.key)));
  const state = p.status === "pending" ? "loading" : p.status === "error" ? "error" : nothing ? "empty" : "ready";
  const xText = (r: T) => (p.xFormat ? p.xFormat(r) : String(r[p.x]));
  const k = p.suppression?.k ?? 0;
  const hiddenText = (r: T, key: string) => suppressedText(r, key, k, labels.hidden);
  const value = (r: T, key: keyof T & string) =>
    hiddenIn(r).includes(key) ? hiddenText(r, key) : p.unit === "%" ? f.pct(r[key] as number) : f.n(r[key] as number);
  const anyHidden = rows.some((r) => hiddenIn(r).length > 0);
  const columns: FrameColumn<T>[] = [
    {
      key: p.x,
      label: p.xLabel,
      format: p.inProgress ? (r) => (p.inProgress!(r) ? `${xText(r)} (${labels.soFar})` : xText(r)) : p.xFormat,
    },
    ...p.series.map((s) => ({
      key: s.key,
      label: s.label,
      numeric: true,
      format: (r: T) => value(r, s.key),
    })),
    ...(p.extraColumns ?? []).map((c) => ({
      ...c,
      format: (r: T) => (hiddenIn(r).includes(c.key) ? hiddenText(r, c.key) : c.format ? c.format(r) : String(r[c.key] ?? "—")),
    })),
  ];
  // A partial day is lower because it is not over, not because anything fell: it is stated, not drawn.
  const { complete, partial } = p.inProgress ? splitTrend(rows, p.inProgress) : { complete: rows, partial: null };
  const data = complete.map((r) => ({ ...r, __x: xText(r) }));
  const soFar = partial
    ? soFarNote(partial as Partial<Bucket>, p.series.map((s) => `${s.label} ${value(partial, s.key)}`).join(" · "))
    : undefined;
  const note = anyHidden ? [soFar, labels.suppressed(k)].filter(Boolean).join(" ") : soFar;
  const vertical = p.layout === "vertical";
  const axisTick = { fontSize: 12, fill: "#57606a" };
  const tooltip = <Tooltip formatter={(v) => (p.unit === "%" ? f.pct(Number(v)) : f.n(Number(v)))} />;
  const scale = p.valueAxis
    ? { ticks: p.valueAxis.ticks, domain: [0, p.valueAxis.ticks.at(-1) ?? 1], allowDecimals: false, interval: 0 as const }
    : {};
  // The unit under a bottom value axis (a vertical bar chart), beside a left one.
  const axisLabel = p.valueAxis
    ? vertical
      ? { value: p.valueAxis.label, position: "insideBottom" as const, offset: 0, fontSize: 12, fill: "#57606a" }
      : { value: p.valueAxis.label, position: "insideLeft" as const, angle: -90, fontSize: 12, fill: "#57606a" }
    : undefined;
  const chart =
    p.kind === "bar" ? (
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout={vertical ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 16, bottom: 4, left: vertical ? 8 : 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#eceff2" />
        {/* A bar per category: every category keeps its label (a skipped one would leave a bar unnamed). */}
        {vertical ? (
          <XAxis type="number" tick={axisTick} unit={p.unit} {...scale} label={axisLabel} height={p.valueAxis ? 44 : 30} />
        ) : (
          <XAxis dataKey="__x" tick={{ ...axisTick, fontSize: 11 }} interval={0} />
        )}
        {vertical ? (
          <YAxis type="category" dataKey="__x" tick={<CategoryTick />} width={categoryWidth} />
        ) : (
          <YAxis tick={axisTick} unit={p.unit} width={56} {...scale} label={axisLabel} />
        )}
        {tooltip}
        {p.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {p.series.map((s) => (
          <Bar key={s.key} dataKey={s.key as string} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} />
        ))}
      </BarChart>
    ) : (
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#eceff2" />
        <XAxis dataKey="__x" tick={axisTick} interval="preserveStartEnd" minTickGap={24} />
        <YAxis tick={axisTick} unit={p.unit} width={56} />
        {tooltip}
        {p.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {p.series.map((s) => (
          <Line
            key={s.key}
            // Straight segments: counts are per day, and a smoothed curve invents values between the days.
            type="linear"
            dataKey={s.key as string}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            dot={false}
            // A suppressed point is a gap, not a line drawn through it.
            connectNulls={!anyHidden}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
  return (
    <ChartFrame
      id={p.id}
      title={p.title}
      description={p.description}
      summary={p.summary}
      columns={columns}
      rows={anyHidden ? rows.map((r) => shownRow(r, k, labels.hidden)) : rows}
      fileName={csvFileName(p.id, p.period)}
      state={state}
      labels={labels}
      note={note}
    >
      {/* With only today's partial point, there is no line to draw: the table is the content. */}
      {data.length > 0 ? (
        <ResponsiveContainer width="100%" height={p.height ?? 260}>
          {chart}
        </ResponsiveContainer>
      ) : null}
    </ChartFrame>
  );
}
