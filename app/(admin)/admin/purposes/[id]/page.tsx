import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { changedFields } from "@/lib/purposes/compare";
import { purposeName } from "@/lib/purposes/titles";
import { requirePagePermission } from "@/lib/server/session";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listRecipientOptions } from "@/db/propagation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { TableWrap } from "@/components/ui/table-wrap";
import { ActionButton, ReturnWithComment } from "@/components/purposes/review-controls";
import { approvePurposeAction, retirePurposeAction, returnPurposeAction, submitPurposeAction } from "../actions";
import { loadPurpose } from "./load";
import { PurposeFacts } from "./purpose-facts";
import { NoticeLocales } from "./notice-locales";
import { PurposeRecordSummary } from "./record-summary";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: purposeName(await loadPurpose(params), await getPurposeTitles()) };
}

const tone = { draft: "neutral", in_review: "warn", active: "ok", retired: "neutral" } as const;

export default async function PurposePage({ params }: { params: Promise<{ id: string }> }) {
  const purpose = await loadPurpose(params);
  const user = await requirePagePermission("purpose:read", `/admin/purposes/${purpose.id}`);
  const [t, tv, format, titles] = await Promise.all([
    getTranslations("purposeDetail"),
    getTranslations("vocabulary"),
    getFormatter(),
    getPurposeTitles(),
  ]);
  const revision = purpose.openRevision;
  const canDraft = can(user.role, "purpose:draft");
  const canReview = can(user.role, "purpose:review");
  const inReview = purpose.status === "in_review" || revision?.status === "in_review";
  const draftOpen = purpose.status === "draft" || revision?.status === "draft";
  const comment = revision?.reviewComment ?? (purpose.status === "draft" ? purpose.reviewComment : null);
  const hidden = { purposeId: purpose.id };
  // A revision's recipients are registry ids: the diff names them as the registry does now.
  const registry = revision ? new Map((await listRecipientOptions()).map((r) => [r.id, r])) : new Map();
  const recipientLabel = (id: number) => {
    const r = registry.get(id);
    return r ? t("recipientLabel", { name: r.name, country: r.country, role: tv(`role.${r.role}`) }) : `#${id}`;
  };
  return (
    <div className="stack">
      <PageHeader
        title={purposeName(purpose, titles)}
        description={<span className="mono">{purpose.key}</span>}
        actions={
          <>
            <Badge tone={tone[purpose.status]}>{tv(`status.${purpose.status}`)}</Badge>
            {revision ? <Badge tone="info">{t(`revision.${revision.status}`)}</Badge> : null}
            {canDraft && !inReview && purpose.status !== "retired" ? (
              <Link className="button secondary" href={`/admin/purposes/${purpose.id}/edit`}>
                {purpose.status === "active" ? t("proposeChange") : t("edit")}
              </Link>
            ) : null}
          </>
        }
      />
      {comment ? (
        <div className="alert warn" role="note">
          <strong>{t("returnedWith")}</strong> {comment}
        </div>
      ) : null}
      {canDraft && draftOpen ? (
        <div className="card row">
          <span>{revision ? t("revisionDraftHint") : t("draftHint")}</span>
          <ActionButton action={submitPurposeAction} hidden={hidden} label={t("submit")} doneLabel={t("submitted")} />
        </div>
      ) : null}
      {revision ? (
        <section className="card stack" aria-labelledby="revision-heading">
          <h2 id="revision-heading">{t("revisionHeading", { author: revision.authorName ?? "—" })}</h2>
          <p className="muted">{t("revisionInForce")}</p>
          <TableWrap label={t("revisionHeading", { author: revision.authorName ?? "—" })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("field")}</th>
                  <th scope="col">{t("inForce")}</th>
                  <th scope="col">{t("proposed")}</th>
                </tr>
              </thead>
              <tbody>
                {changedFields(purpose, revision.fields, recipientLabel).map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{t(`fields.${c.field}`)}</th>
                    <td>
                      <del>{c.before}</del>
                    </td>
                    <td>
                      <ins>{c.after}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      {canReview && inReview ? (
        <section className="card stack" aria-labelledby="review-heading">
          <h2 id="review-heading">{t("reviewHeading")}</h2>
          <p className="muted">{t("reviewHint")}</p>
          <div className="row" style={{ alignItems: "flex-start", gap: "2rem" }}>
            <ActionButton action={approvePurposeAction} hidden={hidden} label={t("approve")} doneLabel={t("approved")} />
            <ReturnWithComment action={returnPurposeAction} hidden={hidden} label={t("sendBack")} />
          </div>
        </section>
      ) : null}
      <PurposeFacts purpose={purpose} linkRecipients={can(user.role, "recipient:read")} />
      <PurposeRecordSummary purposeId={purpose.id} canEdit={can(user.role, "data-map:manage")} />
      {/* The jurisdictions that go live next: a revision's, when one is open; a retired purpose asks for nothing. */}
      <NoticeLocales
        purposeId={purpose.id}
        canEdit={can(user.role, "notice:draft")}
        jurisdictions={purpose.status === "retired" ? [] : (revision?.fields ?? purpose).jurisdictions}
        live={!revision && purpose.status !== "draft" && purpose.status !== "in_review"}
      />
      <section className="card stack" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("historyHeading")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("history", {
            created: format.dateTime(purpose.createdAt, { dateStyle: "medium" }),
            author: purpose.authorName ?? "—",
            reviewer: purpose.reviewerName ?? "—",
          })}
        </p>
        {canReview && purpose.status === "active" && !inReview ? (
          <ActionButton action={retirePurposeAction} hidden={hidden} label={t("retire")} tone="button danger" doneLabel={t("retired")} />
        ) : null}
      </section>
    </div>
  );
}
