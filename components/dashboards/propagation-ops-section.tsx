"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { PropagationOps } from "@/lib/metrics/dashboard-types";
import { DataTable } from "@/components/ui/data-table";
import { useFormat } from "./chart-kit";
import { Kpi } from "./kpi";

type Unconfirmed = PropagationOps["unconfirmed"]["byRecipient"][number];
type Parked = PropagationOps["parked"]["byRecipient"][number];

const deliveriesOf = (recipientId: number, state?: string) =>
  `/admin/recipients/${recipientId}/deliveries${state ? `?state=${state}` : ""}`;

/**
 * Privacy operations' propagation figures (issue 14): the share of recipients a change can reach, the ones
 * it cannot and the paths switched off, the changes unconfirmed beyond the brand's limit, and the parked
 * deliveries. They stand for now, whatever the period; dates are on the brand's clock.
 */
export function PropagationOpsSection({ data, busy }: { data: PropagationOps | undefined; busy: boolean }) {
  const t = useTranslations("dashboards.ops.propagation");
  const f = useFormat();
  const format = useFormatter();
  const day = (ms: number | null) => (ms === null ? "—" : format.dateTime(new Date(ms), { dateStyle: "medium", timeZone: data?.timeZone }));
  const days = data?.limitDays ?? 0;
  const kind = (k: string) => t(`kinds.${k}`);
  return (
    <section className="stack" aria-labelledby="propagation-h" data-testid="propagation-ops">
      <div>
        <h2 id="propagation-h">{t("title")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("description")}
        </p>
      </div>
      <div className="kpis" aria-live="polite" aria-busy={busy}>
        <Kpi
          label={t("workingPaths")}
          value={f.pct(data?.workingPaths.share)}
          hint={data ? t("workingPathsHint", { working: data.workingPaths.working, total: data.workingPaths.total }) : undefined}
        />
        <Kpi label={t("unconfirmed", { days })} value={f.n(data?.unconfirmed.total)} hint={t("unconfirmedHint")} />
        <Kpi label={t("parked")} value={f.n(data?.parked.total)} hint={t("parkedHint")} />
      </div>
      {data?.disabledPaths.length ? (
        <div className="stack" style={{ gap: "0.5rem" }}>
          <h3>{t("disabledTitle")}</h3>
          <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0, gap: "0.5rem" }}>
            {data.disabledPaths.map((p) => (
              <li key={p.pathId} className="alert warn">
                {t(p.reason, { name: p.recipientName, kind: kind(p.kind), date: day(p.disabledAt) })}{" "}
                <Link href={`/admin/recipients/${p.recipientId}`}>{t("openRecipient", { name: p.recipientName })}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="card stack">
        <h3>{t("withoutPathTitle")}</h3>
        {data && data.withoutPath.length === 0 ? <p className="muted">{t("withoutPathNone")}</p> : null}
        {data?.withoutPath.length ? (
          <ul style={{ margin: 0 }}>
            {data.withoutPath.map((r) => (
              <li key={r.id}>
                <Link href={`/admin/recipients/${r.id}`}>{r.name}</Link>
                {": "}
                {r.paths.length === 0 ? t("noPath") : r.paths.map((p) => t(`pathStates.${p.state}`, { kind: kind(p.kind) })).join("; ")}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="stack" style={{ gap: "0.5rem" }}>
        <h3>{t("unconfirmedTitle", { days })}</h3>
        <p className="muted" style={{ margin: 0 }}>
          {t("unconfirmedDescription")}
        </p>
        <DataTable<Unconfirmed>
          label={t("unconfirmedTitle", { days })}
          rows={data?.unconfirmed.byRecipient ?? []}
          rowKey={(r) => r.recipientId}
          empty={{ title: busy ? t("loading") : t("unconfirmedNone") }}
          columns={[
            { key: "recipient", header: t("recipient"), cell: (r) => <Link href={deliveriesOf(r.recipientId)}>{r.recipientName}</Link> },
            { key: "count", header: t("waiting"), cell: (r) => f.n(r.count), className: "num" },
            { key: "oldest", header: t("oldest"), cell: (r) => day(r.oldestAt) },
            {
              key: "request",
              header: t("oldestRequest"),
              cell: (r) =>
                r.oldestRequest ? (
                  <Link href={`/admin/requests/${r.oldestRequest.id}`}>{t("request", { ref: r.oldestRequest.ref })}</Link>
                ) : (
                  <Link href={deliveriesOf(r.recipientId)}>{t("consentChange")}</Link>
                ),
            },
          ]}
        />
      </div>
      <div className="stack" style={{ gap: "0.5rem" }}>
        <h3>{t("parkedTitle")}</h3>
        <DataTable<Parked>
          label={t("parkedTitle")}
          rows={data?.parked.byRecipient ?? []}
          rowKey={(r) => r.recipientId}
          empty={{ title: busy ? t("loading") : t("parkedNone") }}
          columns={[
            {
              key: "recipient",
              header: t("recipient"),
              cell: (r) => <Link href={deliveriesOf(r.recipientId, "parked")}>{r.recipientName}</Link>,
            },
            { key: "count", header: t("parked"), cell: (r) => f.n(r.count), className: "num" },
          ]}
        />
      </div>
    </section>
  );
}
