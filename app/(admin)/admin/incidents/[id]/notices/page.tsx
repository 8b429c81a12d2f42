import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { localeNames } from "@/lib/i18n/config";
import { publicNoticeEarliestEnd } from "@/lib/incidents/notice-batches";
import { getDateFormatter } from "@/lib/server/format";
import { previewNotices, resumeNoticeBatches } from "@/lib/server/incident-notices";
import { getNoticeAudience, listIncidentPublicNotices, listNoticeBatches } from "@/db/incident-notices";
import { NoticeText } from "@/components/incidents/notice-text";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { StackedCell, stackedRoles } from "@/components/ui/stacked-cell";
import { TableWrap } from "@/components/ui/table-wrap";
import { loadIncidentPage } from "../load";
import { BatchProgress } from "./batch-progress";
import { DecideBatchForms, EndPublicNoticeForm, SendNoticesForm } from "./notice-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidentNotices"))("title") };
}

const tones: Record<string, BadgeTone> = { awaiting_approval: "warn", sending: "info", sent: "ok", declined: "neutral" };

/**
 * Notices to an incident's people (issue 21, deliverables 4 and 5): who is affected per place and how many have no
 * address, the notice in each language as it will be sent, the batches with their approval and progress, and the
 * public notice for people without contact details. A drill runs the same steps and nothing leaves.
 */
export default async function IncidentNoticesPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, detail } = await loadIncidentPage(params, "incident:read", "/notices");
  const { incident } = detail;
  await resumeNoticeBatches();
  const [t, tv, f, audience, batches, publicNotices, previews] = await Promise.all([
    getTranslations("incidentNotices"),
    getTranslations("vocabulary"),
    getDateFormatter(),
    getNoticeAudience(incident.id),
    listNoticeBatches(incident.id),
    listIncidentPublicNotices(incident.id),
    previewNotices(incident),
  ]);
  const when = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const manage = can(user.role, "incident:manage");
  const approver = can(user.role, "incident:approve");
  const busy = batches.some((b) => b.status === "awaiting_approval" || b.status === "sending");
  const places = audience.map((a) => ({
    value: a.jurisdiction,
    label: t("send.place", { place: tv(`jurisdiction.${a.jurisdiction}`), count: a.toTell }),
    toTell: a.toTell,
  }));
  const allTold = audience.every((a) => a.toTell === 0);
  return (
    <div className="stack">
      <header className="stack" style={{ gap: "0.35rem" }}>
        <h2>{t("title")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("description")}
        </p>
        {incident.drill ? (
          <p className="alert warn" role="note">
            {t("drill")}
          </p>
        ) : null}
      </header>

      <section className="stack" aria-labelledby="audience-h">
        <h3 id="audience-h">{t("audience.title")}</h3>
        {audience.length === 0 ? (
          <p>
            {t("audience.none")} <Link href={`/admin/incidents/${incident.id}/affected`}>{t("audience.affectedLink")}</Link>
          </p>
        ) : (
          <TableWrap label={t("audience.title")} stacked>
            <table {...stackedRoles.table}>
              <thead {...stackedRoles.rowgroup}>
                <tr {...stackedRoles.row}>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("audience.jurisdiction")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("audience.people")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("audience.withoutContact")}
                  </th>
                  <th scope="col" {...stackedRoles.columnheader}>
                    {t("audience.toTell")}
                  </th>
                </tr>
              </thead>
              <tbody {...stackedRoles.rowgroup}>
                {audience.map((a) => (
                  <tr key={a.jurisdiction} {...stackedRoles.row} data-testid={`audience-${a.jurisdiction}`}>
                    <StackedCell label={t("audience.jurisdiction")} rowHeader>
                      {tv(`jurisdiction.${a.jurisdiction}`)}
                    </StackedCell>
                    <StackedCell label={t("audience.people")}>{a.people}</StackedCell>
                    <StackedCell label={t("audience.withoutContact")}>{a.withoutContact}</StackedCell>
                    <StackedCell label={t("audience.toTell")}>{a.toTell}</StackedCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      {manage && incident.status === "open" && audience.length > 0 ? (
        <section className="card stack" aria-labelledby="send-h">
          <h3 id="send-h">{t("send.title")}</h3>
          {busy ? (
            <p className="muted">{t("send.busy")}</p>
          ) : allTold ? (
            <p className="muted">{t("send.allTold")}</p>
          ) : (
            <SendNoticesForm incidentId={incident.id} drill={incident.drill} places={places} />
          )}
        </section>
      ) : null}
      {incident.status !== "open" ? <p className="muted">{t("closed")}</p> : null}

      <section className="stack" aria-labelledby="preview-h">
        <h3 id="preview-h">{t("preview.title")}</h3>
        <p className="muted" style={{ margin: 0 }}>
          {t("preview.help")}{" "}
          {can(user.role, "request:configure") ? (
            <Link href="/admin/requests/settings/messages?kind=incident-notice&locale=en">{t("preview.edit")}</Link>
          ) : null}
        </p>
        {Object.entries(previews).map(([locale, m]) => (
          <details key={locale} className="card">
            <summary lang={locale}>{localeNames[locale as keyof typeof localeNames]}</summary>
            <div className="stack" style={{ gap: "0.5rem" }} data-testid={`preview-${locale}`}>
              <p style={{ margin: 0 }}>
                <strong>{t("preview.subject")}:</strong>{" "}
                <span lang={locale}>
                  <NoticeText text={m.subjectLine} />
                </span>
              </p>
              <pre lang={locale} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0, fontFamily: "inherit" }}>
                <NoticeText text={m.body} />
              </pre>
            </div>
          </details>
        ))}
      </section>

      <section className="stack" aria-labelledby="batches-h">
        <h3 id="batches-h">{t("batches.title")}</h3>
        {batches.length === 0 ? <p className="muted">{t("batches.none")}</p> : null}
        {batches.map((b) => (
          <article key={b.id} className="card stack" aria-labelledby={`batch-${b.id}-h`} data-testid={`batch-${b.id}`}>
            <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap" }}>
              <h4 id={`batch-${b.id}-h`} style={{ margin: 0 }}>
                {t("batches.batch", { id: b.id })} · {t("batches.people", { count: b.people })}
              </h4>
              <span className="row" style={{ gap: "0.35rem" }}>
                <Badge tone={tones[b.status]}>{t(`status.${b.status}`)}</Badge>
              </span>
            </div>
            <p style={{ margin: 0 }}>{b.jurisdictions.map((j) => tv(`jurisdiction.${j}`)).join(" · ")}</p>
            <ul className="muted" style={{ margin: 0, paddingInlineStart: "1.2rem" }}>
              <li>{t("batches.requested", { name: b.requestedByName, at: when(b.requestedAt) })}</li>
              {b.decidedAt && b.decidedByName !== null ? (
                <li>
                  {t(b.status === "declined" ? "batches.declined" : "batches.approved", { name: b.decidedByName, at: when(b.decidedAt) })}
                </li>
              ) : null}
              {b.finishedAt ? <li>{t("batches.finished", { at: when(b.finishedAt) })}</li> : null}
            </ul>
            {b.status === "awaiting_approval" ? (
              <div className="stack" style={{ gap: "0.5rem" }}>
                <p className="alert warn" style={{ margin: 0 }}>
                  {b.requestedById === user.id ? t("batches.ownBatch") : t("batches.waiting")}
                </p>
                {approver && b.requestedById !== user.id ? <DecideBatchForms incidentId={incident.id} batchId={b.id} /> : null}
              </div>
            ) : null}
            {b.status === "sending" || b.status === "sent" ? (
              <BatchProgress incidentId={incident.id} drill={b.drill} initial={{ id: b.id, status: b.status, ...b.progress }} />
            ) : null}
            {b.told.length > 0 ? (
              <p style={{ margin: 0 }}>
                <strong>{t("batches.told")}:</strong>{" "}
                {b.told.map((x) => `${tv(`jurisdiction.${x.jurisdiction}`)} · ${t(`channel.${x.channel}`)}: ${x.people}`).join(" / ")}
              </p>
            ) : null}
          </article>
        ))}
      </section>

      <section className="stack" aria-labelledby="public-h">
        <h3 id="public-h">{t("public.title")}</h3>
        {publicNotices.length === 0 ? <p className="muted">{t("public.none")}</p> : null}
        {publicNotices.map((n) => (
          <div key={n.id} className="card stack" data-testid={`public-notice-${n.id}`}>
            <p style={{ margin: 0 }}>
              {n.shownUntil
                ? t("public.shownRange", { from: when(n.shownFrom), until: when(n.shownUntil) })
                : t("public.shown", { from: when(n.shownFrom) })}
            </p>
            {!n.shownUntil ? (
              <p className="muted" style={{ margin: 0 }}>
                {t("public.earliest", { date: when(publicNoticeEarliestEnd(n.shownFrom)) })}
              </p>
            ) : null}
            <p style={{ margin: 0 }}>
              <Link href="/incidents/notices">{t("public.open")}</Link>
            </p>
            {manage && !n.shownUntil ? <EndPublicNoticeForm incidentId={incident.id} publicNoticeId={n.id} /> : null}
          </div>
        ))}
      </section>
    </div>
  );
}
