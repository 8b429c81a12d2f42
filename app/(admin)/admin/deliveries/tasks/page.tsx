import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { taskListQuerySchema } from "@/lib/propagation/acknowledgements";
import { requirePagePermission } from "@/lib/server/session";
import { countDeliveryTasks, listDeliveryTasks } from "@/db/propagation";
import { getBrandSettings } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { ConfirmDeliveryForm } from "@/components/deliveries/confirm-delivery-form";
import { closeTaskAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries.tasks"))("title") };
}

/**
 * The officer's open delivery tasks, oldest first: changes sent to a recipient's privacy contact by email
 * (deliverable 6), and changes no path can carry because the recipient holds no identifier of the person.
 * Each is closed with a note once the recipient confirms it acted.
 */
export default async function DeliveryTasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePagePermission("delivery:process", "/admin/deliveries/tasks");
  const { page } = taskListQuerySchema.parse(await searchParams);
  const [t, td, tv, format, brand] = await Promise.all([
    getTranslations("deliveries.tasks"),
    getTranslations("deliveries"),
    getTranslations("vocabulary.role"),
    getDateFormatter(),
    getBrandSettings(),
  ]);
  const [{ rows, hasMore }, total] = await Promise.all([listDeliveryTasks({ page, pageSize: 25 }), countDeliveryTasks()]);
  const timeZone = brand?.timeZone ?? "UTC";
  const dt = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description", { zone: timeZone })} />
      <p role="status">{t("count", { count: total })}</p>
      {rows.length === 0 ? (
        <div className="card">
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        </div>
      ) : (
        <ol className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("listLabel")}>
          {rows.map(({ delivery: d, recipient: r, request, reason }) => {
            const event = td(`eventTypes.${d.eventType}`);
            return (
              <li key={d.id} className="card stack" style={{ gap: "0.5rem" }} data-testid="delivery-task">
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <h2 style={{ margin: 0 }}>{r.name}</h2>
                  <Badge tone={d.state === "parked" ? "danger" : d.state === "delivered" ? "info" : "warn"}>
                    {td(`states.${d.state}`)}
                  </Badge>
                </div>
                <dl className="facts task-facts">
                  <div>
                    <dt>{t("recipient")}</dt>
                    <dd>
                      {tv(r.role)} · {r.country}
                      {r.privacyContactEmail ? ` · ${r.privacyContactEmail}` : ""}
                    </dd>
                  </div>
                  <div>
                    <dt>{t("event")}</dt>
                    <dd>{event}</dd>
                  </div>
                  <div>
                    <dt>{t("request")}</dt>
                    <dd>{request ? <Link href={`/admin/requests/${request.id}`}>{request.ref}</Link> : t("noRequest")}</dd>
                  </div>
                  <div>
                    <dt>{t("since")}</dt>
                    <dd>
                      {dt(d.queuedAt)}
                      {d.deliveredAt && d.deliveredVia === "email" ? ` · ${t("emailed", { at: dt(d.deliveredAt) })}` : ""}
                    </dd>
                  </div>
                </dl>
                <p className="muted" style={{ margin: 0 }}>
                  {reason === "email" ? (d.deliveredAt ? t("whyEmailSent") : t("whyEmailWaiting")) : t("whyNoIdentifier")}
                </p>
                <ConfirmDeliveryForm
                  action={closeTaskAction}
                  hidden={{ deliveryId: d.id }}
                  // The delivery id makes each form's name its own: a recipient may have two tasks of one kind and no request.
                  label={t("closeLabel", { recipient: r.name, event, ref: request?.ref ?? t("noRequest"), delivery: d.uid })}
                  submit={t("close")}
                />
              </li>
            );
          })}
        </ol>
      )}
      <Pager
        path="/admin/deliveries/tasks"
        filters={{}}
        page={page}
        hasMore={hasMore}
        labels={{ nav: t("pages"), back: t("previous"), on: t("next"), page: t("page", { page }) }}
      />
    </div>
  );
}
