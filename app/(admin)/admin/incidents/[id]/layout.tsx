import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { IncidentTabs } from "@/components/incidents/incident-tabs";
import { loadIncidentPage } from "./load";

/**
 * The frame of one incident: its reference, title, status and drill mark on every section, and the links to the
 * sections (overview and timeline, affected people, clocks and duties, authority reports, notices to people). Each
 * section's page checks its own permission too; the layout's check keeps the header from naming the incident to
 * anyone the register is closed to.
 */
export default async function IncidentLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { detail } = await loadIncidentPage(params);
  const { incident } = detail;
  const t = await getTranslations("incidents");
  const base = `/admin/incidents/${incident.id}`;
  const tabs = [
    { href: base, label: t("tabs.overview") },
    { href: `${base}/affected`, label: t("tabs.affected") },
    { href: `${base}/duties`, label: t("tabs.duties") },
    { href: `${base}/reports`, label: t("tabs.reports") },
    { href: `${base}/notices`, label: t("tabs.notices") },
  ];
  return (
    <div className="stack">
      <header className="page-header">
        <div className="page-title">
          <p className="muted">
            <Link href="/admin/incidents">{t("title")}</Link> / <span className="mono">{incident.reference}</span>
          </p>
          <h1>
            <span translate="no">{incident.title}</span>
          </h1>
          <p className="row">
            <Badge tone={incident.status === "open" ? "warn" : "neutral"}>{t(`status.${incident.status}`)}</Badge>
            <Badge tone={incident.certainty === "confirmed" ? "danger" : "info"}>{t(`certainty.${incident.certainty}`)}</Badge>
            {incident.drill ? <Badge tone="info">{t("drill")}</Badge> : null}
          </p>
        </div>
      </header>
      {incident.drill ? (
        <p className="alert warn" role="note">
          {t("drillBanner")}
        </p>
      ) : null}
      <IncidentTabs tabs={tabs} label={t("tabsLabel")} />
      {children}
    </div>
  );
}
