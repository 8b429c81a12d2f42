import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/server/session";
import { listRecipientOptions } from "@/db/propagation";
import { PageHeader } from "@/components/ui/page-header";
import { PurposeForm, emptyPurpose } from "@/components/purposes/purpose-form";
import { createPurposeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("purposeForm"))("newTitle") };
}

export default async function NewPurposePage() {
  const user = await requirePagePermission("purpose:draft", "/admin/purposes/new");
  const [t, recipients] = await Promise.all([getTranslations("purposeForm"), listRecipientOptions()]);
  return (
    <div className="stack">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <PurposeForm
        action={createPurposeAction}
        initial={emptyPurpose}
        submitLabel={t("createDraft")}
        recipients={recipients}
        canAddRecipient={can(user.role, "recipient:manage")}
      />
    </div>
  );
}
