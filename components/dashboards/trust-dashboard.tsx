"use client";
import { useTranslations } from "next-intl";
import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";
import type { TrustDashboard as TrustData } from "@/lib/metrics/dashboard-types";
import { splitTrend } from "@/lib/metrics/in-progress";
import { trustIndicators, type TrustIndicator, type TrustIndicatorId } from "@/lib/metrics/trust-score";
import type { ExplainingView } from "@/lib/metrics/trust-views";
import { DashboardChart, palette, useFormat } from "./chart-kit";
import { DashboardFilters } from "./dashboard-filters";
import { TrustMovement } from "./trust-movement";
import { useDashboardData, useDashboardFilters } from "./use-dashboard";

type TrendRow = { start: string; end: string; score: number | null } & Record<string, number | null | string>;

/**
 * An indicator's trend in small, with straight segments like chart-kit's lines (a smoothed curve invents values
 * between the points). Only complete points (before `inProgressFrom`) are drawn, as on the big chart: a partial
 * day is not a fall. The card's figure above it gives the value.
 */
function Sparkline({ values, color, inProgressFrom }: { values: (number | null)[]; color: string; inProgressFrom: number }) {
  const data = values.slice(0, inProgressFrom).map((v, i) => ({ i, v }));
  return (
    <div className="spark" aria-hidden="true">
      <ResponsiveContainer width="100%" height={36}>
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 2, bottom: 2, left: 2 }}>
          <YAxis hide domain={["dataMin", "dataMax"]} />
          <Line type="linear" dataKey="v" stroke={color} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The executive's trust dashboard: one score with its formula, eight indicators with trend and change, what moved the score, in plain words. */
export function TrustDashboard({
  purposes,
  today,
  views,
}: {
  purposes: { key: string; name: string }[];
  today: string;
  /** The views this user may open that explain each indicator. */
  views: Partial<Record<TrustIndicatorId, ExplainingView>>;
}) {
  const t = useTranslations("dashboards");
  const f = useFormat();
  const { params, set } = useDashboardFilters();
  const { data, status } = useDashboardData<TrustData>("trust", params);
  const unitOf = Object.fromEntries(trustIndicators.map((i) => [i.id, i.unit]));
  const show = (i: Pick<TrustIndicator, "id">, v: number | null) =>
    unitOf[i.id] === "percent"
      ? f.pct(v)
      : unitOf[i.id] === "days"
        ? v === null
          ? "—"
          : t("trust.days", { n: f.days(v), count: v })
        : f.n(v);
  const changeText = (i: TrustIndicator) => {
    if (!i.change) return t("trust.noComparison");
    const size = f.days(Math.abs(i.change.delta));
    const count = Math.abs(i.change.delta);
    const amount =
      unitOf[i.id] === "percent"
        ? t("trust.points", { n: size, count })
        : unitOf[i.id] === "days"
          ? t("trust.days", { n: size, count })
          : size;
    return t(`trust.change.${i.change.direction}`, { amount });
  };
  const rows: TrendRow[] = (data?.buckets ?? []).map((b, k) => ({
    start: b.start,
    end: b.end,
    score: data!.scoreTrend[k],
    ...Object.fromEntries(data!.indicators.map((i) => [i.id, i.trend[k]])),
  }));
  const period = data?.period ?? { from: today, to: today };
  const inProgressFrom = splitTrend(rows, (r) => r.end >= today).complete.length;
  const score = data?.score ?? null;
  return (
    <div className="stack">
      <DashboardFilters params={params} today={today} onChange={set} purposes={purposes} purposeNote={t("trust.purposeNote")} />
      <div className="trust-top" aria-live="polite" aria-busy={status === "pending"}>
        <section className="card trust-score stack" aria-labelledby="trust-score-title">
          <h2 id="trust-score-title">{t("trust.scoreTitle")}</h2>
          <p className="value" data-testid="trust-score">
            {score === null ? "—" : score}
            <span className="out-of"> / 100</span>
          </p>
          <p
            className={`change ${data?.scoreChange ? (data.scoreChange.direction === "flat" ? "flat" : data.scoreChange.direction === "up" ? "good" : "bad") : "flat"}`}
          >
            {data?.scoreChange
              ? t(`trust.change.${data.scoreChange.direction}`, {
                  amount: t("trust.points", { n: f.days(Math.abs(data.scoreChange.delta)), count: Math.abs(data.scoreChange.delta) }),
                })
              : t("trust.noComparison")}{" "}
            <span className="muted">
              {data ? t("trust.vsPrevious", { from: data.previousPeriod.from, to: data.previousPeriod.to }) : null}
            </span>
          </p>
        </section>
        <div className="indicators">
          {(
            data?.indicators ?? trustIndicators.map((i) => ({ ...i, value: null, previous: null, change: null, improved: null, trend: [] }))
          ).map((i) => (
            <section key={i.id} className="card indicator" aria-labelledby={`ind-${i.id}`}>
              <h3 id={`ind-${i.id}`} className="label">
                {t(`trust.indicators.${i.id}`)}
              </h3>
              <span className="value">{show(i, i.value)}</span>
              <span className={`change ${i.improved === null ? "flat" : i.improved ? "good" : "bad"}`}>
                {changeText(i)}
                {i.improved === null ? null : (
                  <span className="visually-hidden"> ({i.improved ? t("trust.better") : t("trust.worse")})</span>
                )}
              </span>
              <Sparkline values={i.trend} color={i.improved === false ? palette.withdrawn : palette.live} inProgressFrom={inProgressFrom} />
            </section>
          ))}
        </div>
      </div>
      {data ? (
        <TrustMovement
          movement={data.movement}
          score={data.score}
          previousScore={data.previousScore}
          previousPeriod={data.previousPeriod}
          views={views}
        />
      ) : null}
      <p className="formula card">{t("trust.formula")}</p>
      <DashboardChart<TrendRow>
        id="trust-over-time"
        title={t("trust.trendTitle")}
        description={t("trust.trendDescription")}
        summary={t("trust.trendSummary", { score: score ?? "—" })}
        period={period}
        rows={rows}
        status={status}
        x="start"
        xLabel={t("columns.from")}
        inProgress={(r) => r.end >= today}
        unit=""
        series={[{ key: "score", label: t("trust.scoreTitle"), color: palette.live }]}
        extraColumns={[
          { key: "end", label: t("columns.to") },
          ...trustIndicators.map((i) => ({
            key: i.id,
            label: t(`trust.indicators.${i.id}`),
            numeric: true,
            format: (r: TrendRow) => show(i, r[i.id] as number | null),
          })),
        ]}
        empty={(r) => r.every((x) => x.score === null)}
        height={220}
      />
    </div>
  );
}
