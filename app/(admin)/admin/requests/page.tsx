import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { assigneeCondition, DUE_SOON_DAYS, requestQueueFilterSchema } from "@/lib/requests/filter";
import { daysLeft, slaTone } from "@/lib/requests/sla";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/server/session";
import { getRequestCounts, listRequestJurisdictions, listRequestQueue } from "@/db/queries/requests";
import { PageHeader } from "@/components/ui/page-header";
import { TableWrap } from "@/components/ui/table-wrap";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { listRequestAssignees } from "@/db/queries/request-detail";
import { RequestFilters } from "./request-filters";
import { DAY_MS } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("title") };
}

const PAGE_SIZE = 50;
const closed = new Set(["completed", "rejected"]);

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("request:read", "/admin/requests");
  const [t, format] = await Promise.all([getTranslations("requests"), getFormatter()]);
  const filter = requestQueueFilterSchema.parse(await searchParams);
  const now = new Date();
  const counts = getRequestCounts(now);
  const { rows, hasMore } = listRequestQueue({
    status: filter.status === "all" ? undefined : filter.status,
    type: filter.type,
    jurisdiction: filter.jurisdiction,
    overdue: filter.overdue === "1",
    ...assigneeCondition(filter.assignee, user.id),
    dueBefore: filter.dueSoon === "1" ? new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) : undefined,
    now,
    page: filter.page,
    pageSize: PAGE_SIZE,
  });
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, page })) if (v !== undefined) params.set(k, String(v));
    return `/admin/requests?${params}`;
  };
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Badge tone="info">{t("openCount", { count: counts.open })}</Badge>
            <Badge tone={counts.overdue ? "danger" : "ok"}>{t("overdueCount", { count: counts.overdue })}</Badge>
            {can(user.role, "request:configure") ? (
              <Link className="button secondary" href="/admin/requests/settings">
                {t("policy")}
              </Link>
            ) : null}
            {can(user.role, "request:process") ? (
              <Link className="button" href="/admin/requests/new">
                {t("newRequest")}
              </Link>
            ) : null}
          </>
        }
      />
      <RequestFilters jurisdictions={listRequestJurisdictions()} assignees={listRequestAssignees()} initial={filter} />
      <TableWrap label={t("tableCaption")}>
        <table>
          <caption className="visually-hidden">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("ref")}</th>
              <th scope="col">{t("type")}</th>
              <th scope="col">{t("statusLabel")}</th>
              <th scope="col">{t("jurisdiction")}</th>
              <th scope="col">{t("received")}</th>
              <th scope="col">{t("due")}</th>
              <th scope="col">{t("daysLeft")}</th>
              <th scope="col">{t("assignee")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const days = daysLeft(r.dueAt, now);
              return (
                <tr key={r.id}>
                  <td className="mono">
                    <Link href={`/admin/requests/${r.id}`}>{r.ref}</Link>
                  </td>
                  <td>{t(`types.${r.type}`)}</td>
                  <td>
                    {t(`statuses.${r.status}`)}
                    {r.extendedAt ? (
                      <div>
                        <Badge tone="info">{t("extended")}</Badge>
                      </div>
                    ) : null}
                  </td>
                  <td>{r.jurisdiction}</td>
                  <td>{format.dateTime(r.receivedAt, { dateStyle: "medium" })}</td>
                  <td>{format.dateTime(r.dueAt, { dateStyle: "medium" })}</td>
                  <td>
                    {closed.has(r.status) ? (
                      <span className="muted">{t("closed")}</span>
                    ) : (
                      <Badge tone={slaTone(days)}>{days < 0 ? t("overdueBy", { days: -days }) : t("daysLeftValue", { days })}</Badge>
                    )}
                  </td>
                  <td>{r.assigneeName ?? <span className="muted">{t("unassigned")}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      </TableWrap>
      <nav className="pager" aria-label={t("pages")}>
        {filter.page > 1 ? <Link href={pageHref(filter.page - 1)}>{t("previous")}</Link> : null}
        <span className="muted">{t("page", { page: filter.page })}</span>
        {hasMore ? <Link href={pageHref(filter.page + 1)}>{t("next")}</Link> : null}
      </nav>
    </div>
  );
}
