import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { purposeName } from "@/lib/purposes/titles";
import { requirePagePermission } from "@/lib/server/session";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { listRecipientOptions } from "@/db/propagation";
import { PageHeader } from "@/components/ui/page-header";
import { PurposeForm } from "@/components/purposes/purpose-form";
import { savePurposeAction } from "../../actions";
import { loadPurpose } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("purposeForm"))("editTitle") };
}

export default async function EditPurposePage({ params }: { params: Promise<{ id: string }> }) {
  const purpose = await loadPurpose(params);
  const user = await requirePagePermission("purpose:draft", `/admin/purposes/${purpose.id}/edit`);
  const [t, recipients, titles] = await Promise.all([getTranslations("purposeForm"), listRecipientOptions(), getPurposeTitles()]);
  const name = purposeName(purpose, titles);
  // An active purpose is edited through a revision: start from the open one if there is one.
  const source = purpose.openRevision?.fields ?? purpose;
  const locked = purpose.status === "in_review" || purpose.status === "retired" || purpose.openRevision?.status === "in_review";
  return (
    <div className="stack">
      <PageHeader title={t("editTitle")} description={purpose.status === "active" ? t("revisionExplained", { name }) : name} />
      {locked ? (
        <p className="alert warn">{t("locked")}</p>
      ) : (
        <PurposeForm
          action={savePurposeAction}
          purposeId={purpose.id}
          initial={{
            name: source.name,
            description: source.description,
            legalBasis: source.legalBasis,
            dataCategories: source.dataCategories,
            retentionDays: source.retentionDays,
            validityDays: source.validityDays,
            saleOrSharing: source.saleOrSharing,
            sensitive: source.sensitive,
            sensitiveBeyondPermitted: source.sensitiveBeyondPermitted ?? false,
            channels: source.channels,
            jurisdictions: source.jurisdictions,
            benefit: source.benefit,
            recipientIds: source.recipientIds,
          }}
          submitLabel={purpose.status === "active" ? t("saveRevision") : t("saveDraft")}
          recipients={recipients}
          canAddRecipient={can(user.role, "recipient:manage")}
        />
      )}
    </div>
  );
}
