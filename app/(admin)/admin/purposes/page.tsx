import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { purposeFilterSchema, purposeStatuses } from "@/lib/purposes/filter";
import { withPurposeNames } from "@/lib/purposes/titles";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/server/session";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listPurposes } from "@/db/purposes";
import { PageHeader } from "@/components/ui/page-header";
import { TableWrap } from "@/components/ui/table-wrap";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("purposes"))("title") };
}

const statusTone: Record<string, BadgeTone> = { draft: "neutral", in_review: "warn", active: "ok", retired: "neutral" };

export default async function PurposesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("purpose:read", "/admin/purposes");
  const [t, tv] = await Promise.all([getTranslations("purposes"), getTranslations("vocabulary")]);
  const { status } = purposeFilterSchema.parse(await searchParams);
  const rows = withPurposeNames(await listPurposes({ status }), await getPurposeTitles());
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user.role, "purpose:draft") ? (
            <Link className="button" href="/admin/purposes/new">
              {t("new")}
            </Link>
          ) : null
        }
      />
      <nav className="row" aria-label={t("filterLabel")}>
        <Link
          href="/admin/purposes"
          aria-current={status ? undefined : "page"}
          className={status ? "button secondary small" : "button small"}
        >
          {t("all")}
        </Link>
        {purposeStatuses.map((s) => (
          <Link
            key={s}
            href={`/admin/purposes?status=${s}`}
            aria-current={status === s ? "page" : undefined}
            className={status === s ? "button small" : "button secondary small"}
          >
            {tv(`status.${s}`)}
          </Link>
        ))}
      </nav>
      <TableWrap label={t("tableCaption")}>
        <table>
          <caption className="visually-hidden">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("legalBasis")}</th>
              <th scope="col">{t("dataCategories")}</th>
              <th scope="col" className="num">
                {t("retention")}
              </th>
              <th scope="col">{t("recipients")}</th>
              <th scope="col">{t("notices")}</th>
              <th scope="col">{t("statusLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/admin/purposes/${p.id}`}>
                    <strong>{p.name}</strong>
                  </Link>
                  <div className="muted mono">{p.key}</div>
                  <div className="tags">
                    {p.saleOrSharing ? <Badge tone="warn">{t("saleOrSharing")}</Badge> : null}
                    {p.sensitive ? <Badge tone="danger">{t("sensitive")}</Badge> : null}
                    {p.sensitiveBeyondPermitted ? <Badge tone="warn">{t("limitable")}</Badge> : null}
                  </div>
                </td>
                <td>{tv(`basis.${p.legalBasis}`)}</td>
                <td>
                  <div className="tags">
                    {p.dataCategories.map((c) => (
                      <Badge key={c}>{tv(`category.${c}`)}</Badge>
                    ))}
                  </div>
                </td>
                <td className="num">{t("days", { days: p.retentionDays })}</td>
                <td>{p.recipients.length ? p.recipients.map((r) => `${r.name} (${r.country})`).join(", ") : t("none")}</td>
                <td>{p.publishedLocales.length ? p.publishedLocales.join(" · ") : <Badge tone="warn">{t("noNotice")}</Badge>}</td>
                <td>
                  <Badge tone={statusTone[p.status]}>{tv(`status.${p.status}`)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <EmptyState title={status ? t("emptyFilteredTitle") : t("emptyTitle")}>
            {status ? t("emptyFilteredBody") : t("emptyBody")}
          </EmptyState>
        ) : null}
      </TableWrap>
    </div>
  );
}
