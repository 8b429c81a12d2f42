import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { listApiKeys } from "@/db/staff";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateApiKeyForm } from "./create-api-key-form";
import { ApiKeyTable } from "./api-key-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

/** Active keys first, in their own table with the revoke button; revoked keys after, under their own heading. */
export default async function ApiKeysPage() {
  await requirePagePermission("api-key:manage", "/admin/api-keys");
  const t = await getTranslations("apiKeys");
  const keys = await listApiKeys();
  const active = keys.filter((k) => !k.revokedAt);
  const revoked = keys.filter((k) => k.revokedAt);
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t.rich("description", { link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}
      />
      <CreateApiKeyForm />
      {/* Plain groups under headings: each table's scroll frame is already the region of that name. */}
      <div className="stack">
        <h2>{t("activeTitle")}</h2>
        {active.length ? (
          <ApiKeyTable keys={active} caption={t("activeTitle")} />
        ) : (
          <div className="card">
            <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
          </div>
        )}
      </div>
      {revoked.length ? (
        <div className="stack">
          <h2>{t("revokedTitle")}</h2>
          <p className="muted">{t("revokedBody")}</p>
          <ApiKeyTable keys={revoked} caption={t("revokedTitle")} />
        </div>
      ) : null}
    </div>
  );
}
