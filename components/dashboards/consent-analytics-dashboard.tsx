"use client";
import { useTranslations } from "next-intl";
import { channelSplit, WHOLE_PURPOSE_CHANNEL } from "@/lib/metrics/channel-split";
import { suppressedText, type ConsentAnalyticsView } from "@/lib/metrics/consent-suppression";
import type { SplitDimension } from "@/lib/metrics/dashboard-types";
import { DashboardChart, palette, useFormat } from "./chart-kit";
import { DashboardFilters } from "./dashboard-filters";
import { Kpi } from "./kpi";
import { PurposeGrantsSection } from "./purpose-grants-section";
import { useDashboardData, useDashboardFilters } from "./use-dashboard";

const splitOrder: SplitDimension[] = ["jurisdiction", "channel", "source", "locale"];
type SplitRow = ConsentAnalyticsView["splits"][SplitDimension][number];
type Choices = { value: string; granted: number; denied: number; withdrawn: number };
const isHidden = (row: { suppressed?: readonly string[] } | undefined, key: string) => row?.suppressed?.includes(key) ?? false;

/**
 * The channel split as its chart shows it; the whole-purpose choices are stated beside it only when none of the
 * figures they are summed from is suppressed (a sum of shown figures reveals nothing they do not).
 */
function channelView(rows: SplitRow[]) {
  if (rows.some((r) => ["granted", "denied", "withdrawn"].some((k) => isHidden(r, k))))
    return { channels: rows.filter((r) => r.value !== WHOLE_PURPOSE_CHANNEL), wholePurpose: null };
  return channelSplit(rows as (SplitRow & Choices)[]);
}

/** Marketing's consent analytics: headline figures, trends, purposes and splits, then one purpose's grants when one is chosen. */
export function ConsentAnalyticsDashboard({ purposes, today }: { purposes: { key: string; name: string }[]; today: string }) {
  const t = useTranslations("dashboards");
  const f = useFormat();
  const { params, set } = useDashboardFilters();
  const { data, status } = useDashboardData<ConsentAnalyticsView>("consent-analytics", params);
  const period = data?.period ?? { from: today, to: today };
  const s = data?.summary;
  const suppression = data?.suppression;
  const hidden = useTranslations("dashboards.frame")("hidden");
  // A suppressed headline figure reads "< k" (or hidden), like a table cell.
  const count = (key: "answers" | "live" | "withdrawn" | "stale" | "expiring" | "gpcOptOuts") =>
    s && isHidden(s, key) ? suppressedText(s, key, suppression!.k, hidden) : f.n(s?.[key]);
  const ev = (k: "granted" | "denied" | "withdrawn" | "expired") => t(`events.${k}`);
  const splitLabel = (dim: SplitDimension, v: string) =>
    dim === "source" || dim === "channel"
      ? t(`values.${dim}.${v}`)
      : dim === "jurisdiction"
        ? t(`jurisdictions.${v}`)
        : t(`values.locale.${v}`);
  // Choices about a whole purpose outnumber every channel's: the channel bars show channel choices, and say how many were not.
  const channels = data ? channelView(data.splits.channel) : undefined;
  const splitRows = (dim: SplitDimension) => (dim === "channel" ? channels?.channels : data?.splits[dim]);
  const channelNote = channels?.wholePurpose
    ? t("splits.channelDescription", {
        count: channels.wholePurpose.count,
        n: f.n(channels.wholePurpose.count),
        share: f.pct(channels.wholePurpose.share),
      })
    : t("splits.channelOnly");
  return (
    <div className="stack">
      <DashboardFilters params={params} today={today} onChange={set} purposes={purposes} />
      <div className="kpis" aria-live="polite" aria-busy={status === "pending"}>
        <Kpi label={t("consent.optInRate")} value={f.pct(s?.optInRate)} hint={t("consent.optInHint", { answers: count("answers") })} />
        <Kpi label={t("consent.live")} value={count("live")} hint={t("consent.liveHint", { rate: f.pct(s?.activeRate) })} />
        <Kpi
          label={t("consent.withdrawals")}
          value={count("withdrawn")}
          hint={t("consent.withdrawalsHint", { rate: f.pct(s?.withdrawalRate) })}
        />
        <Kpi label={t("consent.stale")} value={count("stale")} hint={t("consent.staleHint")} />
        <Kpi label={t("consent.expiring")} value={count("expiring")} hint={t("consent.expiringHint")} />
        <Kpi
          label={t("consent.gpc")}
          value={count("gpcOptOuts")}
          hint={s && s.gpc === 0 ? t("consent.gpcNone") : t("consent.gpcHint", { rate: f.pct(s?.gpcHonoured) })}
        />
      </div>
      <div className="dashboard-grid">
        <DashboardChart
          id="consent-choices-over-time"
          title={t("consent.choicesTitle")}
          summary={t("consent.choicesSummary", { from: period.from, to: period.to })}
          period={period}
          rows={data?.trend}
          status={status}
          suppression={suppression}
          x="start"
          xLabel={t("columns.from")}
          inProgress={(r) => r.end >= today}
          series={[
            { key: "granted", label: ev("granted"), color: palette.granted },
            { key: "denied", label: ev("denied"), color: palette.denied },
            { key: "withdrawn", label: ev("withdrawn"), color: palette.withdrawn },
            { key: "expired", label: ev("expired"), color: palette.expired },
          ]}
          extraColumns={[
            { key: "end", label: t("columns.to") },
            { key: "optInRate", label: t("consent.optInRate"), numeric: true, format: (r) => f.pct(r.optInRate) },
          ]}
        />
        <DashboardChart
          id="consent-live-grants"
          title={t("consent.liveTitle")}
          description={t("consent.liveDescription")}
          summary={t("consent.liveSummary", { now: count("live") })}
          period={period}
          rows={data?.trend}
          status={status}
          suppression={suppression}
          x="end"
          xLabel={t("columns.endOf")}
          inProgress={(r) => r.end >= today}
          series={[{ key: "live", label: t("consent.live"), color: palette.live }]}
          empty={(rows) => rows.length === 0}
        />
        <DashboardChart
          id="consent-opt-in-by-purpose"
          title={t("consent.byPurposeTitle")}
          summary={t("consent.byPurposeSummary")}
          period={period}
          rows={data?.purposes}
          status={status}
          suppression={suppression}
          kind="bar"
          layout="vertical"
          unit="%"
          x="key"
          xLabel={t("columns.purpose")}
          xFormat={(r) => r.name}
          series={[
            { key: "optInRate", label: t("consent.optInRate"), color: palette.granted },
            { key: "activeRate", label: t("consent.activeRate"), color: palette.live },
          ]}
          extraColumns={[
            { key: "granted", label: ev("granted"), numeric: true, format: (r) => f.n(r.granted) },
            { key: "denied", label: ev("denied"), numeric: true, format: (r) => f.n(r.denied) },
            { key: "withdrawn", label: ev("withdrawn"), numeric: true, format: (r) => f.n(r.withdrawn) },
            { key: "live", label: t("consent.live"), numeric: true, format: (r) => f.n(r.live) },
            { key: "stale", label: t("consent.stale"), numeric: true, format: (r) => f.n(r.stale) },
            { key: "expiring", label: t("consent.expiring"), numeric: true, format: (r) => f.n(r.expiring) },
          ]}
          empty={(rows) => rows.length === 0}
          height={Math.max(220, (data?.purposes.length ?? 4) * 56)}
        />
        {splitOrder.map((dim) => (
          <DashboardChart<SplitRow>
            key={dim}
            id={`consent-by-${dim}`}
            title={t(`splits.${dim}`)}
            description={dim === "channel" ? channelNote : undefined}
            summary={t("splits.summary", { dimension: t(`splits.${dim}`) })}
            period={period}
            rows={splitRows(dim)}
            status={status}
            suppression={suppression}
            kind="bar"
            layout="vertical"
            x="value"
            xLabel={t(`splits.${dim}Column`)}
            xFormat={(r) => splitLabel(dim, r.value)}
            series={[
              { key: "granted", label: ev("granted"), color: palette.granted, stack: "a" },
              { key: "denied", label: ev("denied"), color: palette.denied, stack: "a" },
              { key: "withdrawn", label: ev("withdrawn"), color: palette.withdrawn, stack: "a" },
            ]}
            extraColumns={[{ key: "optInRate", label: t("consent.optInRate"), numeric: true, format: (r) => f.pct(r.optInRate) }]}
            height={Math.max(200, (splitRows(dim)?.length ?? 4) * 40)}
          />
        ))}
      </div>
      <PurposeGrantsSection params={params} purposes={purposes} today={today} onPick={(purpose) => set({ ...params, purpose })} />
    </div>
  );
}
