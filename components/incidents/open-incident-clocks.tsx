import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { OpenIncidentClockRow as OpenIncidentRow } from "@/lib/incidents/clocks";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataColumn } from "@/components/ui/data-table";

/**
 * Open incidents, nearest clock first (issue 21, deliverable 6). With `link`, each opens its duties tab; without it
 * (an executive) the reference is plain text. No person is shown: counts and clocks only.
 */
export function OpenIncidentClocks({ rows, link }: { rows: OpenIncidentRow[]; link: boolean }) {
  const t = useTranslations("incidentDuties.ops");
  const format = useFormatter();
  const columns: DataColumn<OpenIncidentRow>[] = [
    {
      key: "reference",
      header: t("reference"),
      cell: (r) => (
        <span className="stack" style={{ gap: "0.15rem" }}>
          <span className="row" style={{ gap: "0.4rem", flexWrap: "wrap" }}>
            {link ? <Link href={`/admin/incidents/${r.id}/duties`}>{r.reference}</Link> : <span>{r.reference}</span>}
            {r.drill ? <Badge tone="info">{t("drill")}</Badge> : null}
          </span>
          {r.title ? (
            <span className="muted" translate="no">
              {r.title}
            </span>
          ) : null}
        </span>
      ),
    },
    { key: "nearest", header: t("nearest"), cell: (r) => r.nearest ?? <span className="muted">{t("noClock")}</span> },
    { key: "due", header: t("due"), cell: (r) => r.due ?? "—" },
    { key: "left", header: t("left"), cell: (r) => (r.left ? <span className={r.late ? "error" : undefined}>{r.left}</span> : "—") },
    { key: "overdue", header: t("overdue"), className: "num", cell: (r) => (r.overdue ? <Badge tone="danger">{r.overdue}</Badge> : 0) },
    { key: "affected", header: t("affected"), className: "num", cell: (r) => format.number(r.affected) },
  ];
  return <DataTable label={t("title")} columns={columns} rows={rows} rowKey={(r) => r.id} empty={{ title: t("none") }} stacked />;
}
