import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import type { Incident } from "@/lib/incidents/incident";
import { getDateFormatter } from "@/lib/server/format";
import { requirePagePermission, requireStaffPage } from "@/lib/server/session";
import { countIncidents, listIncidents, type IncidentFilter } from "@/db/incidents";
import { listOpenIncidentClocks, type OpenIncidentClock } from "@/db/incident-duties";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("title") };
}

const views = ["all", "open", "closed", "drills"] as const;
type View = (typeof views)[number];
const filterOf: Record<View, IncidentFilter> = { all: {}, open: { status: "open" }, closed: { status: "closed" }, drills: { drill: true } };
const riskTone = { none_likely: "neutral", risk: "warn", high_risk: "danger" } as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The breach register (issue 21): every incident with its status, drill mark and nearest clock. Privacy officers and
 * administrators open each one; executives see the same counts and clocks with nothing to open (no person is on this page).
 */
export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaffPage("/admin/incidents");
  const full = can(staff.role, "incident:read");
  // Anyone with neither permission gets the 403 page, and the refusal is audited.
  if (!full && !can(staff.role, "incident:read-summary")) await requirePagePermission("incident:read", "/admin/incidents");
  const q = await searchParams;
  const view: View = views.find((v) => v === q.view) ?? "all";
  const now = new Date();
  const [t, tl, tc, format, rows, counts, clocks] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("incidents.list"),
    getTranslations("incidents.dutyKind"),
    getDateFormatter(),
    listIncidents(filterOf[view]),
    countIncidents(),
    listOpenIncidentClocks(now),
  ]);
  const clockOf = new Map<number, OpenIncidentClock>(clocks.map((c) => [c.id, c]));
  const sum = (f: (c: (typeof counts)[number]) => boolean) => counts.filter(f).reduce((n, c) => n + c.count, 0);
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const columns: DataColumn<Incident>[] = [
    {
      key: "reference",
      header: tl("reference"),
      className: "mono",
      cell: (i) => (
        <span className="row" style={{ gap: "0.4rem", flexWrap: "wrap" }}>
          {full ? <Link href={`/admin/incidents/${i.id}`}>{i.reference}</Link> : <span>{i.reference}</span>}
          {i.drill ? <Badge tone="info">{t("drill")}</Badge> : null}
        </span>
      ),
    },
    { key: "title", header: tl("incident"), cell: (i) => <span translate="no">{i.title}</span> },
    {
      key: "status",
      header: tl("status"),
      cell: (i) => <Badge tone={i.status === "open" ? "warn" : "neutral"}>{t(`status.${i.status}`)}</Badge>,
    },
    { key: "aware", header: tl("awareAt"), cell: (i) => <time dateTime={i.awareAt.toISOString()}>{at(i.awareAt)}</time> },
    { key: "risk", header: tl("risk"), cell: (i) => <Badge tone={riskTone[i.risk]}>{t(`risk.${i.risk}`)}</Badge> },
    {
      key: "clock",
      header: tl("nearestClock"),
      cell: (i) => {
        const nearest = clockOf.get(i.id)?.nearest;
        if (!nearest) return <span className="muted">{tl("noClock")}</span>;
        return (
          <span className="stack" style={{ gap: "0.1rem" }}>
            <span>{tc(nearest.kind)}</span>
            <span className={nearest.status === "overdue" ? "error" : "muted"}>
              <time dateTime={nearest.at.toISOString()}>{at(nearest.at)}</time>
            </span>
          </span>
        );
      },
    },
  ];
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(staff.role, "incident:manage") ? (
            <Link className="button" href="/admin/incidents/new">
              {t("new")}
            </Link>
          ) : null
        }
      />
      {!full ? <p className="alert warn">{t("summaryNote")}</p> : null}
      <p>
        {tl("counts", { open: sum((c) => c.status === "open"), closed: sum((c) => c.status === "closed"), drills: sum((c) => c.drill) })}
      </p>
      <nav aria-label={tl("filters")} className="row" style={{ gap: "0.5rem 1rem", flexWrap: "wrap" }}>
        {views.map((v) => (
          <Link
            key={v}
            href={v === "all" ? "/admin/incidents" : `/admin/incidents?view=${v}`}
            aria-current={v === view ? "page" : undefined}
          >
            {tl(v)}
          </Link>
        ))}
      </nav>
      <DataTable
        label={tl("label")}
        columns={columns}
        rows={rows}
        rowKey={(i) => i.id}
        empty={{ title: view === "all" ? tl("empty") : tl("emptyFiltered") }}
        stacked
      />
    </div>
  );
}
