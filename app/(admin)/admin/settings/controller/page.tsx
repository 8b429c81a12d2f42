import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { getDataMap } from "@/db/data-map";
import { PageHeader } from "@/components/ui/page-header";
import { ControllerForm } from "@/components/data-map/controller-form";
import { saveControllerAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataMapFields"))("controller.title") };
}

/** The brand as controller (issue 19): privacy officers and administrators keep it; the record of processing and the policy read it. */
export default async function ControllerSettingsPage() {
  await requirePagePermission("data-map:manage", "/admin/settings/controller");
  const [t, map] = await Promise.all([getTranslations("dataMapFields.controller"), getDataMap()]);
  return (
    <div className="stack">
      <PageHeader title={t("title")} description={t("description")} />
      <section className="card" aria-labelledby="business-facts">
        <h2 id="business-facts">{t("business")}</h2>
        <p className="muted">{t("businessHelp")}</p>
        <dl className="facts">
          <div>
            <dt>{t("legalName")}</dt>
            <dd>{map.brand?.legalName ?? "—"}</dd>
          </div>
          <div>
            <dt>{t("address")}</dt>
            <dd>{map.brand?.address ?? "—"}</dd>
          </div>
        </dl>
      </section>
      <ControllerForm initial={{ ...map.privacy, dpoEmail: map.brand?.dpoEmail ?? "" }} action={saveControllerAction} />
    </div>
  );
}
