import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { RecipientForm, emptyRecipient } from "@/components/recipients/recipient-form";
import { createRecipientAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recipients"))("newTitle") };
}

export default async function NewRecipientPage() {
  await requirePagePermission("recipient:manage", "/admin/recipients/new");
  const t = await getTranslations("recipients");
  return (
    <div className="stack">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <RecipientForm action={createRecipientAction} initial={emptyRecipient} submitLabel={t("create")} />
    </div>
  );
}
