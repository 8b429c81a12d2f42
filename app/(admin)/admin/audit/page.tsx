import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { auditDateBounds, auditFilterSchema } from "@/lib/audit/filter";
import { requirePagePermission } from "@/lib/server/session";
import { getAuditChainStatus, listAuditActions, listAuditEntries } from "@/db/queries/audit";
import { PageHeader } from "@/components/ui/page-header";
import { TableWrap } from "@/components/ui/table-wrap";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { AuditFilters } from "./audit-filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const PAGE_SIZE = 50;
const outcomeTone = { ok: "ok", denied: "danger", failed: "warn" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("audit:read", "/admin/audit");
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const filter = auditFilterSchema.parse(await searchParams);
  const { from, to, ...rest } = filter;
  const { rows, hasMore } = listAuditEntries({ ...rest, ...auditDateBounds({ from, to }), pageSize: PAGE_SIZE });
  const chain = getAuditChainStatus();
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, page })) if (v !== undefined && v !== "") params.set(k, String(v));
    return `/admin/audit?${params}`;
  };
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          chain.broken ? (
            <Badge tone="danger">{t("chainBroken", { id: chain.broken.id })}</Badge>
          ) : (
            <Badge tone="ok">{t("chainIntact", { count: chain.checked })}</Badge>
          )
        }
      />
      <AuditFilters actions={listAuditActions()} initial={filter} />
      <TableWrap label={t("tableCaption")}>
        <table>
          <caption className="visually-hidden">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("actor")}</th>
              <th scope="col">{t("action")}</th>
              <th scope="col">{t("target")}</th>
              <th scope="col">{t("outcome")}</th>
              <th scope="col">{t("details")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="num">{e.id}</td>
                <td>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}</td>
                <td>{e.actorLabel}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "—"}</td>
                <td>
                  <Badge tone={outcomeTone[e.outcome]}>{t(`outcomes.${e.outcome}`)}</Badge>
                </td>
                <td>
                  <code className="muted">{e.details === "{}" ? "" : e.details}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      </TableWrap>
      <nav className="pager" aria-label={t("pages")}>
        {filter.page > 1 ? <Link href={pageHref(filter.page - 1)}>{t("newer")}</Link> : null}
        <span className="muted">{t("page", { page: filter.page })}</span>
        {hasMore ? <Link href={pageHref(filter.page + 1)}>{t("older")}</Link> : null}
      </nav>
    </div>
  );
}
