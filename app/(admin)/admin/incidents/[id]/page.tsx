import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { purposeName } from "@/lib/purposes/titles";
import { getDateFormatter } from "@/lib/server/format";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listIncidentTimeline } from "@/db/incidents";
import { IncidentStatusForm } from "@/components/incidents/incident-status-form";
import { setIncidentStatusAction } from "../actions";
import { incidentTitle, loadIncidentPage } from "./load";
import { IncidentTimeline } from "./timeline";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await incidentTitle(params) };
}

/** The brand's own words (notes, names), shown as written on ko/ja pages. */
const typed = (text: string | null, none: string) =>
  text ? (
    <span translate="no" style={{ whiteSpace: "pre-wrap" }}>
      {text}
    </span>
  ) : (
    none
  );

/** An incident's register entry (every fact the laws ask for, GDPR Art. 33(5)), its timeline and its handling. */
export default async function IncidentOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, detail } = await loadIncidentPage(params);
  const { incident: i } = detail;
  const [t, to, tc, format, timeline, titles] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("incidents.overview"),
    getTranslations("vocabulary.category"),
    getDateFormatter(),
    listIncidentTimeline(i.id),
    getPurposeTitles(),
  ]);
  const canManage = can(user.role, "incident:manage");
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const occurred =
    i.occurredFrom && i.occurredTo
      ? to("occurredRange", { from: at(i.occurredFrom), to: at(i.occurredTo) })
      : i.occurredFrom
        ? to("occurredFrom", { from: at(i.occurredFrom) })
        : i.occurredTo
          ? to("occurredTo", { to: at(i.occurredTo) })
          : to("occurredUnknown");
  const list = (xs: string[]) => (xs.length ? xs.join(", ") : to("none"));
  const encryption = !i.encrypted ? to("notEncrypted") : i.keyTaken ? to("encryptedKeyTaken") : to("encryptedKeySafe");
  const facts: { label: string; value: ReactNode }[] = [
    { label: to("reference"), value: <span className="mono">{i.reference}</span> },
    {
      label: to("status"),
      value: i.closedAt ? `${t(`status.${i.status}`)} · ${to("closedAt", { at: at(i.closedAt) })}` : t(`status.${i.status}`),
    },
    { label: to("certainty"), value: t(`certainty.${i.certainty}`) },
    { label: to("awareAt"), value: at(i.awareAt) },
    { label: to("occurred"), value: occurred },
    { label: to("natures"), value: list(i.natures.map((n) => t(`natureShort.${n}`))) },
    {
      label: to("cause"),
      value: i.causeNote ? (
        <>
          {t(`cause.${i.cause}`)}: {typed(i.causeNote, "")}
        </>
      ) : (
        t(`cause.${i.cause}`)
      ),
    },
    { label: to("dataCategories"), value: list(i.dataCategories.map((c) => tc(c))) },
    { label: to("dataFacts"), value: list(i.dataFacts.map((f) => t(`dataFactShort.${f}`))) },
    { label: to("encryption"), value: encryption },
    {
      label: to("purposes"),
      value: detail.purposes.length ? (
        <span className="tags">
          {detail.purposes.map((p) => (
            <Link key={p.id} href={`/admin/purposes/${p.id}`}>
              {purposeName(p, titles)}
            </Link>
          ))}
        </span>
      ) : (
        to("none")
      ),
    },
    {
      label: to("recipients"),
      value: detail.recipients.length ? (
        <span className="tags">
          {detail.recipients.map((r) => (
            <Link key={r.id} href={`/admin/recipients/${r.id}`} translate="no">
              {r.name} ({r.country})
            </Link>
          ))}
        </span>
      ) : (
        to("none")
      ),
    },
    { label: to("containment"), value: typed(i.containment, to("notYet")) },
    { label: to("remedial"), value: typed(i.remedial, to("notYet")) },
    {
      label: to("risk"),
      value: (
        <>
          {t(`risk.${i.risk}`)}: {typed(i.riskReason, "")}
        </>
      ),
    },
    {
      label: to("peopleException"),
      value: i.peopleException ? (
        <>
          {t(`exception.${i.peopleException}`)}: {typed(i.peopleExceptionReason, "")}
        </>
      ) : (
        to("none")
      ),
    },
    {
      label: to("delay"),
      value: i.delayReason ? (
        <>
          {t(`delayReason.${i.delayReason}`)}: {typed(i.delayNote, "")}
        </>
      ) : (
        to("none")
      ),
    },
  ];
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="incident-facts">
        <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap", gap: "0.5rem" }}>
          <h2 id="incident-facts">{to("facts")}</h2>
          {canManage && i.status === "open" ? (
            <Link className="button secondary" href={`/admin/incidents/${i.id}/edit`}>
              {t("edit")}
            </Link>
          ) : null}
        </div>
        <dl className="facts">
          {facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {canManage ? (
        <section className="card stack" aria-labelledby="incident-status">
          <h2 id="incident-status">{to("statusTitle")}</h2>
          {i.status === "closed" ? <p className="muted">{to("closedNoEdit")}</p> : null}
          <IncidentStatusForm id={i.id} status={i.status} action={setIncidentStatusAction} />
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="incident-timeline">
        <h2 id="incident-timeline">{to("timeline")}</h2>
        <IncidentTimeline entries={timeline} />
      </section>
    </div>
  );
}
