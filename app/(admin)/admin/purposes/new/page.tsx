import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { PurposeForm, emptyPurpose } from "@/components/purposes/purpose-form";
import { createPurposeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("purposeForm"))("newTitle") };
}

export default async function NewPurposePage() {
  await requirePagePermission("purpose:draft", "/admin/purposes/new");
  const t = await getTranslations("purposeForm");
  return (
    <div className="stack">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <PurposeForm action={createPurposeAction} initial={emptyPurpose} submitLabel={t("createDraft")} />
    </div>
  );
}
