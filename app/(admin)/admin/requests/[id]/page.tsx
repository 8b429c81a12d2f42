import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { parseQueueQuery, queueHref } from "@/lib/requests/filter";
import { getDateFormatter } from "@/lib/server/format";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { clockLabel, periodLabel } from "@/lib/requests/clock-label";
import { clockRule } from "@/lib/requests/clock-rules";
import { completionEffect } from "@/lib/requests/fulfilment";
import { reasonText } from "@/lib/requests/system-reasons";
import { daysLeft, slaTone } from "@/lib/requests/sla";
import { isOpen } from "@/lib/requests/vocabulary";
import { requirePagePermission } from "@/lib/server/session";
import { getBrandSettings } from "@/db/staff";
import { getRequestAgent, getRequestDetail, listRequestAssignees, listRequestMessages, listRequestTimeline } from "@/db/requests";
import { listRequestAcknowledgements, previewRequestRecipients } from "@/db/propagation";
import { requestEventType } from "@/lib/propagation/acknowledgements";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { RequestTimeline } from "./request-timeline";
import { RequestActionsPanel } from "./request-actions-panel";
import { RectifyForm } from "./rectify-form";
import { UnlinkedContactDetails } from "./unlinked-contact-details";
import { RecipientsTold } from "./recipients-told";
import { AgentCard } from "./agent-card";
import { recordAgentProofAction } from "./actions";
import { agentHasProof } from "@/lib/requests/agent";
import type { BadgeTone } from "@/components/ui/badge";
import type { RequestOutcome } from "@/lib/requests/vocabulary";

const outcomeTone: Record<RequestOutcome, BadgeTone> = { complied: "ok", complied_in_part: "warn", denied: "danger" };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requestDetail"))("title") };
}

/**
 * The queue a request was opened from travels on its link (?queue=, RequestRef) and comes back through the
 * queue's own schema, so "back to the queue" returns to the same filters and page and nothing unchecked reaches
 * the link. A query on the URL, not a cookie: two tabs on two views each go back to their own, a bookmark or
 * a reload keeps it, and the browser's Back needs nothing since the queue's filters are its URL.
 */
const backQuery = z.string().max(2000).optional().catch(undefined);

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id: raw } = await params;
  const backToQueue = queueHref(parseQueueQuery(backQuery.parse((await searchParams).queue)));
  const user = await requirePagePermission("request:read", `/admin/requests/${raw}`);
  const id = z.coerce.number().int().positive().safeParse(raw);
  const r = id.success ? await getRequestDetail(id.data) : undefined;
  if (!r) notFound();
  const [t, tq, format, locale] = await Promise.all([
    getTranslations("requestDetail"),
    getTranslations("requests"),
    getDateFormatter(),
    getLocale(),
  ]);
  const now = new Date();
  const open = isOpen(r.status);
  const days = daysLeft(r.dueAt, now);
  const brand = await getBrandSettings();
  // The label and the due date come from the same rule (lib/requests/clock-rules.ts).
  const clock = clockRule({ jurisdiction: r.jurisdiction, type: r.type, appiTargetDays: brand?.appiTargetDays });
  const canExtend = !r.extendedAt && clock.extension !== null;
  const seesPii = can(user.role, "subject:read-pii");
  const processes = can(user.role, "request:process");
  const dt = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const facts: [string, React.ReactNode][] = [
    [tq("type"), tq(`types.${r.type}`)],
    [tq("statusLabel"), tq(`statuses.${r.status}`)],
    [tq("jurisdiction"), r.jurisdiction],
    [t("regime"), clockLabel(clock, t)],
    [t("intake"), t(`intakes.${r.intake}`)],
    [tq("received"), dt(r.receivedAt)],
    [
      tq("due"),
      <>
        {dt(r.dueAt)}{" "}
        {open ? <Badge tone={slaTone(days)}>{days < 0 ? tq("overdueBy", { days: -days }) : tq("daysLeftValue", { days })}</Badge> : null}
      </>,
    ],
    [t("confirmBy"), dt(r.confirmBy)],
    [
      t("extension"),
      r.extendedAt
        ? `${dt(r.extendedAt)}: ${r.extensionReason ?? ""}`
        : canExtend && clock.extension
          ? t("extensionAvailable", { period: periodLabel(clock.extension, t) })
          : t("extensionNone"),
    ],
    [t("verified"), r.verifiedAt ? dt(r.verifiedAt) : r.verification !== "none" ? t("notVerified") : t("noVerificationNeeded")],
    [tq("assignee"), r.assigneeName ?? tq("unassigned")],
  ];
  if (r.outcome) {
    facts.push([
      t("outcome.label"),
      <Badge key="o" tone={outcomeTone[r.outcome]}>
        {tq(`outcomes.${r.outcome}`)}
      </Badge>,
    ]);
    if (r.denialReason)
      facts.push([r.outcome === "denied" ? t("outcome.reason") : t("outcome.withheldReason"), tq(`denialReasons.${r.denialReason}`)]);
    // The officer's own words, shown as written.
    if (r.outcomeNote)
      facts.push([
        r.outcome === "complied_in_part" ? t("outcome.withheldNote") : t("outcome.note"),
        <span key="n" translate="no">
          {r.outcomeNote}
        </span>,
      ]);
  }
  if (r.rejectionReason && r.rejectionReason !== r.outcomeNote) facts.push([t("rejectionReason"), reasonText(r.rejectionReason, locale)]);
  const agent = await getRequestAgent(r.id);
  return (
    <div className="stack">
      <p>
        <Link href={backToQueue}>{t("back")}</Link>
      </p>
      <PageHeader title={t("heading", { ref: r.ref })} description={t(`effects.${completionEffect(r.type)}`)} />
      <section className="card" aria-labelledby="facts-h">
        <h2 id="facts-h">{t("facts")}</h2>
        <dl className="facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="subject-h">
        <h2 id="subject-h">{t("subject")}</h2>
        {!seesPii ? (
          <p className="muted">{t("piiHidden")}</p>
        ) : r.subject ? (
          <>
            <p>
              {r.subject.name ? `${r.subject.name} · ` : null}
              {r.subject.email ?? r.subject.externalId} · <Link href={`/admin/subjects/${r.subject.uid}`}>{t("openSubject")}</Link>
            </p>
            {r.details ? (
              <p>
                <strong>{t("theyWrote")}</strong> {r.details}
              </p>
            ) : null}
          </>
        ) : (
          <UnlinkedContactDetails details={r.details} />
        )}
      </section>
      {agent ? (
        <AgentCard requestId={r.id} agent={agent} seesPii={seesPii} action={processes && open ? recordAgentProofAction : null} />
      ) : null}
      {processes && seesPii && r.type === "rectification" && r.status === "in_progress" && r.subject ? (
        <RectifyForm
          requestId={r.id}
          current={{ name: r.subject.name, email: r.subject.email, phone: r.subject.phone, locale: r.subject.locale }}
        />
      ) : null}
      {requestEventType(r.type) ? (
        <RecipientsTold
          request={{ id: r.id, type: r.type, status: r.status }}
          told={await listRequestAcknowledgements(r.id)}
          preview={open ? await previewRequestRecipients(r.id) : null}
          canConfirm={can(user.role, "delivery:process")}
          timeZone={brand?.timeZone ?? "UTC"}
        />
      ) : null}
      {processes && open ? (
        <RequestActionsPanel
          request={{
            id: r.id,
            type: r.type,
            status: r.status,
            verification: r.verification,
            verified: Boolean(r.verifiedAt),
            canExtend: canExtend && days >= 0,
            agentWithoutProof: !agentHasProof(agent),
          }}
          me={user.id}
          assignees={await listRequestAssignees()}
        />
      ) : null}
      <RequestTimeline
        events={await listRequestTimeline(r.id)}
        messages={await listRequestMessages(r.id)}
        showAddresses={seesPii}
        receipt={{ receivedAt: r.receivedAt, enteredAt: r.createdAt, intake: r.intake, timeZone: brand?.timeZone ?? "UTC" }}
        outcome={{ outcome: r.outcome, denialReason: r.denialReason }}
      />
    </div>
  );
}
