import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { PurposeForm } from "@/components/purposes/purpose-form";
import { savePurposeAction } from "../../actions";
import { loadPurpose } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("purposeForm"))("editTitle") };
}

export default async function EditPurposePage({ params }: { params: Promise<{ id: string }> }) {
  const purpose = await loadPurpose(params);
  await requirePagePermission("purpose:draft", `/admin/purposes/${purpose.id}/edit`);
  const t = await getTranslations("purposeForm");
  // An active purpose is edited through a revision: start from the open one if there is one.
  const source = purpose.openRevision?.fields ?? { ...purpose, recipients: purpose.recipients };
  const locked = purpose.status === "in_review" || purpose.status === "retired" || purpose.openRevision?.status === "in_review";
  return (
    <div className="stack">
      <PageHeader
        title={t("editTitle")}
        description={purpose.status === "active" ? t("revisionExplained", { name: purpose.name }) : purpose.name}
      />
      {locked ? (
        <p className="alert warn">{t("locked")}</p>
      ) : (
        <PurposeForm
          action={savePurposeAction}
          purposeId={purpose.id}
          initial={{ ...source, recipients: source.recipients.map((r) => ({ name: r.name, country: r.country, role: r.role })) }}
          submitLabel={purpose.status === "active" ? t("saveRevision") : t("saveDraft")}
        />
      )}
    </div>
  );
}
