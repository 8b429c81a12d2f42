"use client";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  DefaultTooltipContent,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame, type FrameColumn } from "@/components/ui/chart-frame";
import { csvFileName } from "@/lib/metrics/csv";
import { dedupeSeriesEntries, soFarKey, splitInProgress } from "@/lib/metrics/in-progress";
import type { Period } from "@/lib/metrics/period";

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
  return { download: t("download"), table: t("table"), loading: t("loading"), empty: t("empty"), error: t("error"), soFar: t("soFar") };
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
  /** A point still counting (its span ends today or later): marked on the chart and in the table, so a partial figure is not read as a fall. */
  inProgress?: (row: T) => boolean;
};

/** "So far" above the plot, ending at the marker line, where no line or bar can run through it. */
function SoFarLabel({ viewBox, text }: { viewBox?: { x?: number; y?: number }; text: string }) {
  if (viewBox?.x === undefined || viewBox.y === undefined) return null;
  return (
    <text x={viewBox.x - 4} y={viewBox.y - 6} textAnchor="end" fontSize={11} fill="#57606a">
      {text}
    </text>
  );
}

/** A line or bar chart of plain rows, in a ChartFrame that also gives them as a table and a CSV file. */
export function DashboardChart<T extends object>(p: ChartProps<T>) {
  const labels = useFrameLabels();
  const f = useFormat();
  const rows = p.rows ?? [];
  const nothing = p.empty ? p.empty(rows) : rows.length === 0 || rows.every((r) => p.series.every((s) => !Number(r[s.key])));
  const state = p.status === "pending" ? "loading" : p.status === "error" ? "error" : nothing ? "empty" : "ready";
  const xText = (r: T) => (p.xFormat ? p.xFormat(r) : String(r[p.x]));
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
      format: (r: T) => (p.unit === "%" ? f.pct(r[s.key] as number) : f.n(r[s.key] as number)),
    })),
    ...(p.extraColumns ?? []),
  ];
  const partial = p.inProgress ? rows.find((r) => p.inProgress!(r)) : undefined;
  // A line's stretch that is still counting is drawn dashed, so a partial day is not read as a fall.
  const split = partial && p.kind !== "bar";
  const data = (
    split
      ? splitInProgress(
          rows,
          p.series.map((s) => s.key),
          p.inProgress!,
        )
      : rows
  ).map((r) => ({ ...r, __x: xText(r) }));
  const partialMark = partial ? (
    <ReferenceLine x={xText(partial)} stroke="#8c959f" strokeDasharray="4 4" label={<SoFarLabel text={labels.soFar} />} />
  ) : null;
  const vertical = p.layout === "vertical";
  const axisTick = { fontSize: 12, fill: "#57606a" };
  const tooltip = (
    <Tooltip
      formatter={(v) => (p.unit === "%" ? f.pct(Number(v)) : f.n(Number(v)))}
      content={split ? (props) => <DefaultTooltipContent {...props} payload={dedupeSeriesEntries(props.payload ?? [])} /> : undefined}
    />
  );
  const chart =
    p.kind === "bar" ? (
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout={vertical ? "vertical" : "horizontal"}
        margin={{ top: partial ? 20 : 8, right: 16, bottom: 4, left: vertical ? 8 : 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#eceff2" />
        {/* A bar per category: every category keeps its label (a skipped one would leave a bar unnamed). */}
        {vertical ? (
          <XAxis type="number" tick={axisTick} unit={p.unit} />
        ) : (
          <XAxis dataKey="__x" tick={{ ...axisTick, fontSize: 11 }} interval={0} />
        )}
        {vertical ? (
          <YAxis type="category" dataKey="__x" tick={axisTick} width={150} />
        ) : (
          <YAxis tick={axisTick} unit={p.unit} width={56} />
        )}
        {tooltip}
        {p.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {partialMark}
        {p.series.map((s) => (
          <Bar key={s.key} dataKey={s.key as string} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} />
        ))}
      </BarChart>
    ) : (
      <LineChart accessibilityLayer={false} data={data} margin={{ top: partial ? 20 : 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#eceff2" />
        <XAxis dataKey="__x" tick={axisTick} interval="preserveStartEnd" minTickGap={24} />
        <YAxis tick={axisTick} unit={p.unit} width={56} />
        {tooltip}
        {p.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {partialMark}
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
            connectNulls
            isAnimationActive={false}
          />
        ))}
        {split
          ? p.series.map((s) => (
              <Line
                key={soFarKey(s.key)}
                type="linear"
                dataKey={soFarKey(s.key)}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray="5 4"
                dot={false}
                legendType="none"
                isAnimationActive={false}
              />
            ))
          : null}
      </LineChart>
    );
  return (
    <ChartFrame
      id={p.id}
      title={p.title}
      description={p.description}
      summary={p.summary}
      columns={columns}
      rows={rows}
      fileName={csvFileName(p.id, p.period)}
      state={state}
      labels={labels}
    >
      <ResponsiveContainer width="100%" height={p.height ?? 260}>
        {chart}
      </ResponsiveContainer>
    </ChartFrame>
  );
}
