"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { OverdueRow, PrivacyOps } from "@/lib/metrics/dashboard-types";
import { requestStatuses, type RequestStatus } from "@/lib/requests/vocabulary";
import { ChartFrame } from "@/components/ui/chart-frame";
import { csvFileName } from "@/lib/metrics/csv";
import { durationAxis, inAxisUnit } from "@/lib/metrics/duration-axis";
import { DashboardChart, palette, useFormat, useFrameLabels } from "./chart-kit";
import { DashboardFilters } from "./dashboard-filters";
import { Kpi } from "./kpi";
import kpis from "./kpis.module.css";
import { PropagationOpsSection } from "./propagation-ops-section";
import { useDashboardData, useDashboardFilters } from "./use-dashboard";
import { RequestRef } from "@/components/requests/request-ref";

const allowed = ["from", "to", "jurisdiction"] as const;
const statusColors: Record<RequestStatus, string> = {
  received: "#57606a",
  verifying: palette.expired,
  in_progress: palette.live,
  completed: palette.granted,
  rejected: palette.withdrawn,
};
const bandColors = [palette.withdrawn, palette.expired, "#b08800", palette.live, palette.granted];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The privacy officer's operations view: volumes, SLA clocks, the overdue list and time per stage (requests are not about a purpose); then propagation to recipients. */
export function PrivacyOpsDashboard({ today }: { today: string }) {
  const t = useTranslations("dashboards");
  const tr = useTranslations("requests");
  const f = useFormat();
  const format = useFormatter();
  const labels = useFrameLabels();
  const { params, set } = useDashboardFilters(allowed);
  const { data, status } = useDashboardData<PrivacyOps>("privacy-ops", params);
  const period = data?.period ?? { from: today, to: today };
  const s = data?.summary;
  const overdue = data?.overdue ?? [];
  // Stage medians in days or hours, whichever reads best, on whole ticks.
  const stageAxis = durationAxis(data?.stages.map((r) => r.median) ?? []);
  const stages = data?.stages.map((r) => ({ ...r, median: inAxisUnit(r.median, stageAxis) }));
  // Dates as the rest of the page shows them: the reader's language, the brand's time zone.
  const dueDay = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium", timeZone: data?.propagation?.timeZone });
  return (
    <div className="stack">
      <DashboardFilters params={params} today={today} onChange={set} />
      {/* Overdue first: it is the figure that asks for action today. */}
      <div className={`kpis ${kpis.six}`} aria-live="polite" aria-busy={status === "pending"}>
        <Kpi label={t("ops.overdue")} value={f.n(s?.overdue)} hint={t("ops.now")} />
        <Kpi label={t("ops.open")} value={f.n(s?.open)} hint={t("ops.now")} />
        <Kpi label={t("ops.received")} value={f.n(s?.received)} hint={t("ops.inPeriod")} />
        <Kpi label={t("ops.closed")} value={f.n(s?.closed)} hint={t("ops.inPeriod")} />
        <Kpi label={t("ops.onTime")} value={f.pct(s?.onTimeShare)} hint={t("ops.onTimeHint")} />
        <Kpi label={t("ops.medianDays")} value={f.days(s?.medianDaysToClose)} hint={t("ops.medianDaysHint")} />
      </div>
      <div className="dashboard-grid">
        <DashboardChart
          id="requests-by-type"
          title={t("ops.volumeTitle")}
          description={t("ops.volumeDescription")}
          summary={t("ops.volumeSummary", { n: f.n(s?.received) })}
          period={period}
          rows={data?.volume}
          status={status}
          kind="bar"
          layout="vertical"
          x="type"
          xLabel={t("ops.type")}
          xFormat={(r) => tr(`types.${r.type}`)}
          series={requestStatuses.map((st) => ({ key: st, label: tr(`statuses.${st}`), color: statusColors[st], stack: "a" }))}
          extraColumns={[{ key: "total", label: t("ops.total"), numeric: true, format: (r) => f.n(r.total) }]}
          height={300}
        />
        <DashboardChart
          id="requests-over-time"
          title={t("ops.trendTitle")}
          summary={t("ops.trendSummary")}
          period={period}
          rows={data?.trend}
          status={status}
          x="start"
          xLabel={t("columns.from")}
          inProgress={(r) => r.end >= today}
          series={[
            { key: "received", label: t("ops.received"), color: palette.live },
            { key: "closed", label: t("ops.closed"), color: palette.granted },
          ]}
          extraColumns={[{ key: "end", label: t("columns.to") }]}
        />
        <DashboardChart
          id="sla-clocks"
          title={t("ops.slaTitle")}
          description={t("ops.slaDescription")}
          summary={t("ops.slaSummary", { overdue: f.n(s?.overdue), open: f.n(s?.open) })}
          period={period}
          rows={data?.sla.map((b, i) => ({ ...b, fill: bandColors[i] }))}
          status={status}
          kind="bar"
          x="band"
          xLabel={t("ops.band")}
          xFormat={(r) => t(`ops.bands.${r.band}`)}
          series={[{ key: "count", label: t("ops.open"), color: palette.live }]}
        />
        <DashboardChart
          id="time-per-stage"
          title={t("ops.stagesTitle")}
          description={t("ops.stagesDescription")}
          summary={t("ops.stagesSummary")}
          period={period}
          rows={stages}
          status={status}
          kind="bar"
          layout="vertical"
          x="stage"
          xLabel={t("ops.stage")}
          xFormat={(r) => tr(`statuses.${r.stage}`)}
          series={[{ key: "median", label: t(`ops.median.${stageAxis.unit}`), color: palette.other }]}
          valueAxis={{ ticks: stageAxis.ticks, label: t(`ops.units.${stageAxis.unit}`) }}
          extraColumns={[{ key: "count", label: t("ops.stays"), numeric: true, format: (r) => f.n(r.count) }]}
          empty={(rows) => rows.every((r) => r.count === 0)}
          height={200}
        />
      </div>
      <ChartFrame<OverdueRow>
        id="overdue-requests"
        title={t("ops.overdueTitle")}
        description={t("ops.overdueDescription")}
        summary={t("ops.overdueTitle")}
        columns={[
          { key: "ref", label: t("ops.ref"), format: (r) => r.ref, cell: (r) => <RequestRef reference={r.ref} id={r.id} /> },
          { key: "type", label: t("ops.type"), format: (r) => tr(`types.${r.type}`) },
          { key: "status", label: t("ops.status"), format: (r) => tr(`statuses.${r.status}`) },
          { key: "jurisdiction", label: t("filters.jurisdiction") },
          { key: "dueAt", label: t("ops.due"), format: (r) => day(r.dueAt), cell: (r) => dueDay(r.dueAt) },
          { key: "daysOverdue", label: t("ops.daysOverdue"), numeric: true },
          { key: "assignee", label: t("ops.assignee"), format: (r) => r.assignee ?? t("ops.unassigned") },
        ]}
        rows={overdue}
        fileName={csvFileName("overdue-requests", period)}
        state={status === "pending" ? "loading" : status === "error" ? "error" : overdue.length === 0 ? "empty" : "ready"}
        labels={{ ...labels, empty: t("ops.noneOverdue") }}
      />
      <PropagationOpsSection data={data?.propagation} busy={status === "pending"} />
    </div>
  );
}
