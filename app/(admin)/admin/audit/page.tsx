import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { auditDateBounds, auditFilterSchema } from "@/lib/audit/filter";
import { requirePagePermission } from "@/lib/server/session";
import { getAuditChainStatus, listAuditActions, listAuditEntries } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { isSystemActor } from "@/lib/audit/actors";
import { AuditFilters } from "./audit-filters";
import { AuditDetails } from "./audit-details";
import { Breakable } from "@/components/ui/breakable";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const PAGE_SIZE = 50;
const outcomeTone = { ok: "ok", denied: "danger", failed: "warn" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("audit:read", "/admin/audit");
  const [t, format] = await Promise.all([getTranslations("audit"), getDateFormatter()]);
  const filter = auditFilterSchema.parse(await searchParams);
  const { from, to, ...rest } = filter;
  const { rows, hasMore } = await listAuditEntries({ ...rest, ...auditDateBounds({ from, to }), pageSize: PAGE_SIZE });
  const chain = await getAuditChainStatus();
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
      <AuditFilters actions={await listAuditActions()} initial={filter} />
      <DataTable
        label={t("tableCaption")}
        rows={rows}
        rowKey={(e) => e.id}
        empty={{ title: t("emptyTitle"), body: t("emptyBody") }}
        columns={[
          { key: "id", header: "#", cell: (e) => e.id, className: "num" },
          {
            key: "when",
            header: t("when"),
            cell: (e) => format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" }),
            className: "nowrap",
          },
          {
            key: "actor",
            header: t("actor"),
            cell: (e) => (isSystemActor(e.actorLabel) ? t(`actors.${e.actorLabel}`) : <Breakable text={e.actorLabel} />),
          },
          { key: "action", header: t("action"), cell: (e) => <code>{e.action}</code> },
          {
            key: "target",
            header: t("target"),
            // The target's type is a code, like the action, and its id an identifier (a reference, an address,
            // a message template's "request-completed/ja"): both shown as stored, never translated.
            cell: (e) =>
              e.targetType ? (
                <>
                  <code>{e.targetType}</code>{" "}
                  <span translate="no">
                    <Breakable text={e.targetId ?? ""} />
                  </span>
                </>
              ) : (
                "—"
              ),
          },
          { key: "outcome", header: t("outcome"), cell: (e) => <Badge tone={outcomeTone[e.outcome]}>{t(`outcomes.${e.outcome}`)}</Badge> },
          { key: "details", header: t("details"), cell: (e) => <AuditDetails details={e.details} /> },
        ]}
      />
      <Pager
        path="/admin/audit"
        filters={filter}
        page={filter.page}
        hasMore={hasMore}
        labels={{ nav: t("pages"), back: t("newer"), on: t("older"), page: t("page", { page: filter.page }) }}
      />
    </div>
  );
}
