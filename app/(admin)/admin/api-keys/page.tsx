import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { listApiKeys } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { TableWrap } from "@/components/ui/table-wrap";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

export default async function ApiKeysPage() {
  await requirePagePermission("api-key:manage", "/admin/api-keys");
  const [t, format] = await Promise.all([getTranslations("apiKeys"), getFormatter()]);
  const keys = await listApiKeys();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t.rich("description", { link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}
      />
      <CreateApiKeyForm />
      <TableWrap label={t("tableCaption")}>
        <table>
          <caption className="visually-hidden">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("prefix")}</th>
              <th scope="col">{t("created")}</th>
              <th scope="col">{t("lastUsed")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>
                  <strong>{k.name}</strong>
                  {k.allowedOrigins.length ? (
                    <div className="muted">{t("originsList", { origins: k.allowedOrigins.join(", ") })}</div>
                  ) : null}
                </td>
                <td>{t(`kinds.${k.kind}`)}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>
                  {when(k.createdAt)}
                  <div className="muted">{k.createdByName ? t("by", { name: k.createdByName }) : t("bySystem")}</div>
                </td>
                <td>{k.lastUsedAt ? when(k.lastUsedAt) : t("never")}</td>
                <td>
                  {k.revokedAt ? (
                    <>
                      <Badge tone="danger">{t("revoked")}</Badge>
                      <div className="muted">{when(k.revokedAt)}</div>
                    </>
                  ) : (
                    <Badge tone="ok">{t("active")}</Badge>
                  )}
                </td>
                <td>{k.revokedAt ? <span className="muted">—</span> : <RevokeApiKeyButton keyId={k.id} name={k.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {keys.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : null}
      </TableWrap>
    </div>
  );
}
