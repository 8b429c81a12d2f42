import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/server/session";
import { purposeName } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { insecureWebhooksAllowed } from "@/lib/server/endpoint-check";
import { activePathOfKind } from "@/lib/propagation/paths";
import { pathKinds } from "@/lib/propagation/vocabulary";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { InsecureWebhooksWarning } from "../insecure-warning";
import { AddEmailForm, AddFeedForm, AddWebhookForm } from "./add-path-forms";
import { loadRecipient, recipientTitle } from "./load";
import { PathList } from "./path-list";
import { TransferSummary } from "./transfer-summary";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await recipientTitle(params) };
}

const purposeTone = { draft: "neutral", in_review: "warn", active: "ok", retired: "neutral" } as const;

/** One recipient: its facts, the purposes that send it data, its paths and, for an officer, ways to add and change them. */
export default async function RecipientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("recipient:read", `/admin/recipients/${(await params).id}`);
  const recipient = await loadRecipient(params);
  const [t, tv, titles] = await Promise.all([getTranslations("recipients"), getTranslations("vocabulary"), getPurposeTitles()]);
  const canManage = can(user.role, "recipient:manage");
  // Where people's identifiers go is a privacy officer's act: an admin edits the facts, not the paths.
  const canManagePaths = can(user.role, "recipient-path:manage");
  const insecure = insecureWebhooksAllowed();
  // What the add-path forms need, and nothing more crosses to the browser.
  const target = { id: recipient.id, name: recipient.name, privacyContactEmail: recipient.privacyContactEmail };
  const facts: { label: string; value: React.ReactNode }[] = [
    { label: t("role"), value: tv(`role.${recipient.role}`) },
    { label: t("country"), value: <span className="mono">{recipient.country}</span> },
    { label: t("contactName"), value: recipient.privacyContactName ?? t("none") },
    {
      label: t("contactEmail"),
      value: recipient.privacyContactEmail ? (
        <a href={`mailto:${recipient.privacyContactEmail}`} style={{ overflowWrap: "anywhere" }}>
          {recipient.privacyContactEmail}
        </a>
      ) : (
        t("none")
      ),
    },
  ];
  return (
    <div className="stack">
      <PageHeader
        title={recipient.name}
        description={t("detailDescription")}
        actions={<Badge tone={recipient.working ? "ok" : "danger"}>{t(recipient.working ? "workingYes" : "workingNo")}</Badge>}
      />
      <InsecureWebhooksWarning />
      {/* Links under the header rather than in it, so the header keeps to the width of a phone. */}
      <div className="row" style={{ gap: "0.5rem 1rem", flexWrap: "wrap" }}>
        <Link href="/admin/recipients">{t("backToList")}</Link>
        <Link className="button secondary" href={`/admin/recipients/${recipient.id}/deliveries`}>
          {t("deliveriesLink")}
        </Link>
        {canManage ? (
          <Link className="button secondary" href={`/admin/recipients/${recipient.id}/edit`}>
            {t("edit")}
          </Link>
        ) : null}
      </div>
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("factsHeading")}</h2>
        <dl className="facts">
          {facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card stack" aria-labelledby="purposes-heading">
        <h2 id="purposes-heading">{t("purposesHeading")}</h2>
        {recipient.purposes.length ? (
          <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
            {recipient.purposes.map((p) => (
              <li key={p.id}>
                <Link href={`/admin/purposes/${p.id}`}>{purposeName(p, titles)}</Link>{" "}
                <Badge tone={purposeTone[p.status]}>{tv(`status.${p.status}`)}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" style={{ margin: 0 }}>
            {t("noPurposes")}
          </p>
        )}
      </section>
      <TransferSummary recipientId={recipient.id} canEdit={can(user.role, "data-map:manage")} />
      <section className="stack" aria-labelledby="paths-heading">
        <h2 id="paths-heading">{t("pathsHeading")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("pathsHelp")}
        </p>
        {canManage && !canManagePaths ? (
          <p className="muted" style={{ margin: 0 }}>
            {t("pathsOfficerOnly")}
          </p>
        ) : null}
        <PathList recipient={recipient} canManage={canManagePaths} now={new Date()} />
      </section>
      {canManagePaths ? (
        <section className="stack" aria-labelledby="add-path-heading">
          <h2 id="add-path-heading">{t("addPathHeading")}</h2>
          {/* Always mounted: a secret or key just made stays on show after the page refreshes with its new path. */}
          <AddWebhookForm recipient={target} insecure={insecure} hasActive={Boolean(activePathOfKind(recipient.paths, "webhook"))} />
          <AddFeedForm recipient={target} hasActive={Boolean(activePathOfKind(recipient.paths, "feed"))} />
          {activePathOfKind(recipient.paths, "email") ? null : <AddEmailForm recipient={target} canEdit={canManage} />}
          {pathKinds.every((k) => activePathOfKind(recipient.paths, k)) ? (
            <p className="muted" style={{ margin: 0 }}>
              {t("allKindsActive")}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
