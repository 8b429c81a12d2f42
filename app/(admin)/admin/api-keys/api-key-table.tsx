import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import type { ApiKeyRow } from "@/db/staff";
import { TableWrap } from "@/components/ui/table-wrap";
import { Badge } from "@/components/ui/badge";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

/** One table of keys: its rows say who made each key and when it was last used; live keys can be revoked. */
export async function ApiKeyTable({ keys, caption }: { keys: Omit<ApiKeyRow, "keyHash">[]; caption: string }) {
  const [t, format] = await Promise.all([getTranslations("apiKeys"), getDateFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
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
                {k.allowedOrigins.length ? <div className="muted">{t("originsList", { origins: k.allowedOrigins.join(", ") })}</div> : null}
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
    </TableWrap>
  );
}
