"use client";
import { useTranslations } from "next-intl";
import type { DashboardParams } from "@/lib/metrics/dashboard-url";
import { suppressedText, type PurposeGrantsView } from "@/lib/metrics/consent-suppression";
import { EmptyState } from "@/components/ui/empty-state";
import { DashboardChart, palette, useFormat } from "./chart-kit";
import { useDashboardData } from "./use-dashboard";

type Props = { params: DashboardParams; purposes: { key: string; name: string }[]; today: string; onPick: (key: string) => void };

/** One purpose's grants over time: started and stopped, how long they lasted, and under which notice version. */
export function PurposeGrantsSection({ params, purposes, today, onPick }: Props) {
  const t = useTranslations("dashboards");
  if (!params.purpose)
    return (
      <section className="card" aria-labelledby="purpose-grants-title">
        <h2 id="purpose-grants-title">{t("purposeView.title")}</h2>
        <EmptyState title={t("purposeView.pickTitle")}>
          <p>{t("purposeView.pickBody")}</p>
          <div className="row" style={{ justifyContent: "center" }}>
            {purposes.map((p) => (
              <button key={p.key} type="button" className="button secondary small" onClick={() => onPick(p.key)}>
                {p.name}
              </button>
            ))}
          </div>
        </EmptyState>
      </section>
    );
  return <PurposeGrantsCharts params={params} today={today} />;
}

function PurposeGrantsCharts({ params, today }: { params: DashboardParams; today: string }) {
  const t = useTranslations("dashboards");
  const f = useFormat();
  const { data, status } = useDashboardData<PurposeGrantsView>("consent-analytics/purpose", params);
  const hidden = useTranslations("dashboards.frame")("hidden");
  const live = data?.suppressed?.includes("live") ? suppressedText(data, "live", data.suppression.k, hidden) : f.n(data?.live);
  const period = data?.period ?? { from: "", to: "" };
  const name = data?.purpose.name ?? params.purpose ?? "";
  const ended = (k: "withdrawn" | "denied" | "expired") => t(`purposeView.ended.${k}`);
  const versionLabel = (v: PurposeGrantsView["versions"][number]) =>
    t("purposeView.version", { version: v.version, locale: t(`values.locale.${v.locale}`) });
  return (
    <section className="stack" aria-labelledby="purpose-grants-title">
      <h2 id="purpose-grants-title">{t("purposeView.titleFor", { purpose: name })}</h2>
      <div className="dashboard-grid">
        <DashboardChart
          id="purpose-grant-flow"
          title={t("purposeView.flowTitle")}
          description={t("purposeView.flowDescription")}
          summary={t("purposeView.flowSummary", { purpose: name, live })}
          period={period}
          rows={data?.flow}
          status={status}
          suppression={data?.suppression}
          x="end"
          xLabel={t("columns.endOf")}
          inProgress={(r) => r.end >= today}
          series={[
            { key: "started", label: t("purposeView.started"), color: palette.granted },
            { key: "withdrawn", label: ended("withdrawn"), color: palette.withdrawn },
            { key: "expired", label: ended("expired"), color: palette.expired },
            { key: "denied", label: ended("denied"), color: palette.denied },
          ]}
          extraColumns={[{ key: "live", label: t("consent.live"), numeric: true, format: (r) => f.n(r.live) }]}
          empty={(rows) => rows.length === 0}
        />
        <DashboardChart
          id="purpose-grant-lifetimes"
          title={t("purposeView.lifetimeTitle")}
          description={t("purposeView.lifetimeDescription")}
          summary={t("purposeView.lifetimeSummary", { purpose: name })}
          period={period}
          rows={data?.lifetimes}
          status={status}
          suppression={data?.suppression}
          kind="bar"
          x="bucket"
          xLabel={t("purposeView.lasted")}
          xFormat={(r) => t(`lifetimes.${r.bucket}`)}
          series={[
            { key: "withdrawn", label: ended("withdrawn"), color: palette.withdrawn, stack: "a" },
            { key: "denied", label: ended("denied"), color: palette.denied, stack: "a" },
            { key: "expired", label: ended("expired"), color: palette.expired, stack: "a" },
          ]}
        />
        <DashboardChart
          id="purpose-notice-versions"
          title={t("purposeView.versionsTitle")}
          description={t("purposeView.versionsDescription")}
          summary={t("purposeView.versionsSummary", { purpose: name })}
          period={period}
          rows={data?.versions}
          status={status}
          suppression={data?.suppression}
          kind="bar"
          layout="vertical"
          x="noticeVersionId"
          xLabel={t("purposeView.notice")}
          xFormat={versionLabel}
          series={[
            { key: "live", label: t("consent.live"), color: palette.live },
            { key: "started", label: t("purposeView.started"), color: palette.granted },
            { key: "ended", label: t("purposeView.endedAll"), color: palette.withdrawn },
          ]}
          extraColumns={[
            {
              key: "publishedAt",
              label: t("purposeView.published"),
              format: (r) => (r.publishedAt ? new Date(r.publishedAt).toISOString().slice(0, 10) : "—"),
            },
            { key: "stale", label: t("consent.stale"), format: (r) => (r.stale ? t("purposeView.staleYes") : t("purposeView.staleNo")) },
          ]}
          height={Math.max(200, (data?.versions.length ?? 3) * 48)}
        />
      </div>
    </section>
  );
}
