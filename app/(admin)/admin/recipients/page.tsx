import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { pathState, workingPathShare } from "@/lib/propagation/paths";
import { requirePagePermission } from "@/lib/server/session";
import { purposeName } from "@/lib/purposes/titles";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listRecipients } from "@/db/propagation";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableWrap } from "@/components/ui/table-wrap";
import { pathStateTone } from "@/components/recipients/path-state-tone";
import { InsecureWebhooksWarning } from "./insecure-warning";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recipients"))("title") };
}

/** The recipient registry: every company that receives personal data, the purposes that send it, and how it is reached. */
export default async function RecipientsPage() {
  const user = await requirePagePermission("recipient:read", "/admin/recipients");
  const [t, tv, titles] = await Promise.all([getTranslations("recipients"), getTranslations("vocabulary"), getPurposeTitles()]);
  const recipients = await listRecipients();
  const share = workingPathShare(recipients);
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user.role, "recipient:manage") ? (
            <Link className="button" href="/admin/recipients/new">
              {t("add")}
            </Link>
          ) : null
        }
      />
      <InsecureWebhooksWarning />
      {share.total ? <p style={{ margin: 0 }}>{t("share", share)}</p> : null}
      <TableWrap label={t("tableCaption")}>
        <table>
          <caption className="visually-hidden">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("country")}</th>
              <th scope="col">{t("purposes")}</th>
              <th scope="col">{t("pathsColumn")}</th>
              <th scope="col">{t("working")}</th>
            </tr>
          </thead>
          <tbody>
            {recipients.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link href={`/admin/recipients/${r.id}`}>{r.name}</Link>
                </th>
                <td>{tv(`role.${r.role}`)}</td>
                <td className="mono">{r.country}</td>
                <td>
                  {r.purposes.length ? (
                    r.purposes.map((p) => purposeName(p, titles)).join(", ")
                  ) : (
                    <span className="muted">{t("none")}</span>
                  )}
                </td>
                <td>
                  {r.paths.length ? (
                    <div className="tags">
                      {r.paths.map((p) => {
                        const state = pathState(p, r);
                        return (
                          <Badge key={p.id} tone={pathStateTone[state]}>
                            {t("pathBadge", { kind: t(`pathKinds.${p.kind}`), state: t(`pathStates.${state}`) })}
                          </Badge>
                        );
                      })}
                    </div>
                  ) : (
                    <span className="muted">{t("none")}</span>
                  )}
                </td>
                <td>
                  <Badge tone={r.working ? "ok" : "danger"}>{t(r.working ? "workingYes" : "workingNo")}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {recipients.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      </TableWrap>
    </div>
  );
}
