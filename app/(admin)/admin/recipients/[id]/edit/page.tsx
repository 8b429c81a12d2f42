import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { activePathOfKind } from "@/lib/propagation/paths";
import { requirePagePermission } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { RecipientForm } from "@/components/recipients/recipient-form";
import { updateRecipientAction } from "../../actions";
import { loadRecipient, recipientTitle } from "../load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("recipients"))("editTitle", { name: await recipientTitle(params) }) };
}

export default async function EditRecipientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("recipient:manage", `/admin/recipients/${(await params).id}/edit`);
  const recipient = await loadRecipient(params);
  // An email path writes to the contact address: changing it moves where identifiers go, an officer's act.
  const contactLocked = !can(user.role, "recipient-path:manage") && Boolean(activePathOfKind(recipient.paths, "email"));
  const t = await getTranslations("recipients");
  return (
    <div className="stack">
      <PageHeader title={t("editTitle", { name: recipient.name })} description={t("editDescription")} />
      <RecipientForm
        action={updateRecipientAction}
        recipientId={recipient.id}
        initial={{
          name: recipient.name,
          role: recipient.role,
          country: recipient.country,
          privacyContactName: recipient.privacyContactName,
          privacyContactEmail: recipient.privacyContactEmail,
        }}
        submitLabel={t("save")}
        contactEmailLocked={contactLocked}
      />
    </div>
  );
}
