import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { deliveriesFilterSchema, describeOutcome } from "@/lib/propagation/delivery-filters";
import { deliveryStates } from "@/lib/propagation/vocabulary";
import { requirePagePermission } from "@/lib/server/session";
import { purposeName } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listRecipientDeliveries, type DeliveryListRow } from "@/db/propagation";
import { getBrandSettings } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { ReplayDeliveryButton, ReplayParkedButton, ReplayResults } from "./replay-controls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries"))("title") };
}

const PAGE_SIZE = 50;
const stateTone = { queued: "info", delivered: "neutral", confirmed: "ok", parked: "danger", superseded: "neutral" } as const;

const load = (recipientId: number, filter: z.infer<typeof deliveriesFilterSchema>) =>
  listRecipientDeliveries({ recipientId, ...filter, pageSize: PAGE_SIZE }).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });

/**
 * A recipient's deliveries (issue 14, deliverable 5): every change sent to it, how far each got, and the
 * parked ones to replay once its endpoint works again. No person on it: marketing and administrators read it.
 */
export default async function RecipientDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id: raw } = await params;
  const path = `/admin/recipients/${raw}/deliveries`;
  const user = await requirePagePermission("recipient:read", path);
  const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(raw);
  const filter = deliveriesFilterSchema.parse(await searchParams);
  const list = id.success ? await load(id.data, filter) : null;
  if (!list) notFound();
  const [t, format, brand, titles] = await Promise.all([
    getTranslations("deliveries"),
    getDateFormatter(),
    getBrandSettings(),
    getPurposeTitles(),
  ]);
  const { recipient, counts, rows, hasMore } = list;
  const manages = can(user.role, "recipient:manage");
  const timeZone = brand?.timeZone ?? "UTC";
  const dt = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone }) : "—");
  const total = deliveryStates.reduce((n, s) => n + counts[s], 0);
  const outcome = (r: DeliveryListRow) => {
    const o = describeOutcome(r.lastOutcome);
    if (!o) return "—";
    if ("http" in o) return t("list.outcome.http", { status: o.http });
    const key = `list.outcome.${o.reason}`;
    return t.has(key) ? t(key) : t("list.outcome.refused", { reason: o.reason });
  };
  const action = (r: DeliveryListRow) => {
    if (r.state !== "parked") return null;
    if (r.refusal) return <span className="muted">{t(`list.refusal.${r.refusal}`)}</span>;
    return manages ? <ReplayDeliveryButton recipientId={recipient.id} deliveryId={r.id} uid={r.uid} /> : null;
  };

  return (
    <div className="stack">
      <PageHeader
        title={t("list.title", { name: recipient.name })}
        description={t("list.description")}
        actions={<Link href={`/admin/recipients/${recipient.id}`}>{t("list.back", { name: recipient.name })}</Link>}
      />
      <ReplayResults>
        <div className="row" style={{ justifyContent: "space-between", alignItems: "flex-end", flexWrap: "wrap", gap: "1rem" }}>
          <form method="get" className="filters card" role="search" aria-label={t("list.filters")}>
            <div className="field">
              <label htmlFor="dl-state">{t("list.state")}</label>
              <select id="dl-state" name="state" defaultValue={filter.state ?? ""}>
                <option value="">{t("list.allStates", { count: total })}</option>
                {deliveryStates.map((s) => (
                  <option key={s} value={s}>
                    {t("list.stateOption", { state: t(`states.${s}`), count: counts[s] })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <button type="submit" className="button">
                {t("list.apply")}
              </button>
            </div>
          </form>
          {manages ? <ReplayParkedButton recipientId={recipient.id} parked={counts.parked} /> : null}
        </div>
        {counts.parked > 0 ? <p className="alert warn">{t("list.parkedNote", { count: counts.parked })}</p> : null}
        <DataTable
          label={t("list.caption", { name: recipient.name })}
          stacked
          rows={rows}
          rowKey={(r) => r.id}
          empty={filter.state ? { title: t("list.emptyFiltered") } : { title: t("list.emptyTitle"), body: t("list.emptyBody") }}
          columns={[
            { key: "queued", header: t("list.columns.queued"), cell: (r) => dt(r.createdAt) },
            {
              key: "change",
              header: t("list.columns.change"),
              cell: (r) => (
                <>
                  {t(`eventTypes.${r.eventType}`)}
                  {r.purpose ? <div className="muted">{purposeName(r.purpose, titles)}</div> : null}
                </>
              ),
            },
            {
              key: "state",
              header: t("list.columns.state"),
              cell: (r) => <Badge tone={stateTone[r.state]}>{t(`states.${r.state}`)}</Badge>,
            },
            { key: "attempts", header: t("list.columns.attempts"), cell: (r) => r.attempts, className: "num" },
            { key: "outcome", header: t("list.columns.outcome"), cell: outcome },
            { key: "next", header: t("list.columns.next"), cell: (r) => (r.state === "queued" ? dt(r.nextAttemptAt) : "—") },
            {
              key: "delivered",
              header: t("list.columns.delivered"),
              cell: (r) =>
                r.deliveredAt ? t("list.when", { at: dt(r.deliveredAt), how: t(`list.via.${r.deliveredVia ?? "webhook"}`) }) : "—",
            },
            {
              key: "confirmed",
              header: t("list.columns.confirmed"),
              cell: (r) =>
                r.confirmedAt ? t("list.when", { at: dt(r.confirmedAt), how: t(`list.by.${r.confirmedVia ?? "recipient"}`) }) : "—",
            },
            { key: "uid", header: t("list.columns.uid"), cell: (r) => <code>{r.uid}</code>, className: "mono" },
            { key: "action", header: t("list.columns.action"), cell: action },
          ]}
        />
      </ReplayResults>
      <Pager
        path={`/admin/recipients/${recipient.id}/deliveries`}
        filters={filter}
        page={filter.page}
        hasMore={hasMore}
        labels={{ nav: t("list.pages"), back: t("list.newer"), on: t("list.older"), page: t("list.page", { page: filter.page }) }}
      />
    </div>
  );
}
