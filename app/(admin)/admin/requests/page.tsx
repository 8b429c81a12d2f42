import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { queueConditions, queueQuery, requestQueueFilterSchema } from "@/lib/requests/filter";
import { daysLeft, slaTone } from "@/lib/requests/sla";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/server/session";
import {
  getMyQueueCounts,
  getRequestCounts,
  listRequestAssignees,
  listRequestJurisdictions,
  listRequestQueue,
  listSavedQueueViews,
} from "@/db/requests";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { RequestFilters } from "./request-filters";
import { RequestRef } from "@/components/requests/request-ref";
import { CustomerCell } from "./customer-cell";
import { QueueViews } from "./queue-views";
import { BulkPanel, bulkSelectColumn } from "./bulk-panel";
import { ExportLink } from "./export/export-link";

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
  // Only a role that may see people gets the customer column and searches people; the query leaves them out otherwise.
  const seesPeople = can(user.role, "subject:read-pii");
  const [counts, mine, saved] = await Promise.all([getRequestCounts(now), getMyQueueCounts(user.id, now), listSavedQueueViews(user.id)]);
  const { rows, hasMore } = await listRequestQueue({
    ...queueConditions(filter, user.id, now, { seesPeople }),
    page: filter.page,
    pageSize: PAGE_SIZE,
    withCustomer: seesPeople,
  });
  const current = queueQuery(filter);
  // The queue's filters and page travel on each request's link, so its page links back to this very queue.
  const here = queueQuery(filter, { page: true });
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          // The counts and the two buttons wrap as two groups, so on a phone New request stays beside Policy.
          <>
            <span className="row">
              <Badge tone="info">{t("openCount", { count: counts.open })}</Badge>
              <Badge tone={counts.overdue ? "danger" : "ok"}>{t("overdueCount", { count: counts.overdue })}</Badge>
            </span>
            <span className="row">
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
            </span>
          </>
        }
      />
      <QueueViews current={current} counts={{ ...mine, open: counts.open }} saved={saved} />
      {/* Keyed by the filters: a view's link changes them without remounting the page, and the form must follow. */}
      <RequestFilters
        key={current}
        jurisdictions={await listRequestJurisdictions()}
        assignees={await listRequestAssignees()}
        initial={filter}
      />
      <div className="row">
        <ExportLink filter={filter} />
      </div>
      {can(user.role, "request:process") ? <BulkPanel /> : null}
      <DataTable
        label={t("tableCaption")}
        rows={rows}
        rowKey={(r) => r.id}
        empty={{ title: t("emptyTitle"), body: t("emptyBody") }}
        columns={[
          ...(can(user.role, "request:process") ? [await bulkSelectColumn<(typeof rows)[number]>()] : []),
          { key: "ref", header: t("ref"), cell: (r) => <RequestRef reference={r.ref} id={r.id} queue={here} /> },
          ...(seesPeople
            ? [
                {
                  key: "customer",
                  header: t("customer"),
                  cell: (r: (typeof rows)[number]) => (
                    <CustomerCell customer={r.customer} labels={{ notLinked: t("notLinked"), none: t("noCustomer") }} />
                  ),
                },
              ]
            : []),
          { key: "type", header: t("type"), cell: (r) => t(`types.${r.type}`) },
          {
            key: "status",
            header: t("statusLabel"),
            cell: (r) => (
              <>
                {t(`statuses.${r.status}`)}
                {r.extendedAt ? (
                  <div>
                    <Badge tone="info">{t("extended")}</Badge>
                  </div>
                ) : null}
              </>
            ),
          },
          { key: "jurisdiction", header: t("jurisdiction"), cell: (r) => r.jurisdiction },
          { key: "received", header: t("received"), cell: (r) => format.dateTime(r.receivedAt, { dateStyle: "medium" }) },
          { key: "due", header: t("due"), cell: (r) => format.dateTime(r.dueAt, { dateStyle: "medium" }) },
          {
            key: "daysLeft",
            header: t("daysLeft"),
            cell: (r) => {
              if (closed.has(r.status)) return <span className="muted">{t("closed")}</span>;
              const days = daysLeft(r.dueAt, now);
              return <Badge tone={slaTone(days)}>{days < 0 ? t("overdueBy", { days: -days }) : t("daysLeftValue", { days })}</Badge>;
            },
          },
          { key: "assignee", header: t("assignee"), cell: (r) => r.assigneeName ?? <span className="muted">{t("unassigned")}</span> },
        ]}
      />
      <Pager
        path="/admin/requests"
        filters={filter}
        page={filter.page}
        hasMore={hasMore}
        labels={{ nav: t("pages"), back: t("previous"), on: t("next"), page: t("page", { page: filter.page }) }}
      />
    </div>
  );
}
