"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { jurisdictions } from "@/lib/jurisdictions";
import { periodPresets, type DashboardParams } from "@/lib/metrics/dashboard-url";
import { DEFAULT_PERIOD_DAYS, lastDays, lastDaysCount, resolvePeriod } from "@/lib/metrics/period";

type Props = {
  params: DashboardParams;
  /** Today (UTC), as the server saw it: periods end on or before it. */
  today: string;
  onChange: (next: DashboardParams) => void;
  /** Purposes to filter by; omitted where figures are not about a purpose. */
  purposes?: { key: string; name: string }[];
  /** Shown under the purpose filter when it narrows only part of the page. */
  purposeNote?: string;
};

/** Period, jurisdiction and purpose filters; every change goes straight to the URL, and the charts follow. */
export function DashboardFilters({ params, today, onChange, purposes, purposeNote }: Props) {
  const t = useTranslations("dashboards");
  const id = useId();
  const resolved = resolvePeriod(params, today);
  const period = resolved.ok ? resolved.period : lastDays(today);
  const shown = lastDaysCount(period, today);
  const preset = shown !== null && periodPresets.includes(shown as (typeof periodPresets)[number]) ? String(shown) : "custom";
  const update = (patch: DashboardParams) => onChange({ ...params, ...patch });
  return (
    <form className="filters card dashboard-filters" role="search" aria-label={t("filters.label")} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-preset`}>{t("filters.period")}</label>
        <select
          id={`${id}-preset`}
          value={preset}
          onChange={(e) => {
            if (e.target.value === "custom") return;
            const days = Number(e.target.value);
            update({ from: days === DEFAULT_PERIOD_DAYS ? undefined : lastDays(today, days).from, to: undefined });
          }}
        >
          {periodPresets.map((d) => (
            <option key={d} value={d}>
              {t("filters.lastDays", { days: d })}
            </option>
          ))}
          <option value="custom">{t("filters.custom")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t("filters.from")}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={period.from}
          max={period.to}
          onChange={(e) => e.target.value && update({ from: e.target.value, to: period.to })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t("filters.to")}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={period.to}
          min={period.from}
          max={today}
          onChange={(e) => e.target.value && update({ from: period.from, to: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-jurisdiction`}>{t("filters.jurisdiction")}</label>
        <select
          id={`${id}-jurisdiction`}
          value={params.jurisdiction ?? ""}
          onChange={(e) => update({ jurisdiction: e.target.value || undefined })}
        >
          <option value="">{t("filters.allJurisdictions")}</option>
          {jurisdictions.map((j) => (
            <option key={j} value={j}>
              {t(`jurisdictions.${j}`)}
            </option>
          ))}
        </select>
      </div>
      {purposes ? (
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t("filters.purpose")}</label>
          <select
            id={`${id}-purpose`}
            value={params.purpose ?? ""}
            aria-describedby={purposeNote ? `${id}-purpose-note` : undefined}
            onChange={(e) => update({ purpose: e.target.value || undefined })}
          >
            <option value="">{t("filters.allPurposes")}</option>
            {purposes.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
          {purposeNote ? (
            <span id={`${id}-purpose-note`} className="help">
              {purposeNote}
            </span>
          ) : null}
        </div>
      ) : null}
      {!resolved.ok ? (
        <p className="error" role="alert">
          {t("filters.invalid")}
        </p>
      ) : null}
    </form>
  );
}
