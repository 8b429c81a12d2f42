import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { recipientReach } from "@/lib/data-map/recipient-view";
import { requirePagePermission } from "@/lib/server/session";
import { getDataMap, getRecipientTransfer } from "@/db/data-map";
import { PageHeader } from "@/components/ui/page-header";
import { TransferForm } from "@/components/data-map/transfer-form";
import { loadRecipient } from "../load";
import { saveTransferAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataMapFields"))("transfer.heading") };
}

/** A recipient's transfer abroad (issue 19): privacy officers and administrators. */
export default async function RecipientTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission("data-map:manage", `/admin/recipients/${encodeURIComponent(id)}/transfer`);
  const recipient = await loadRecipient(params);
  const [t, tv, map, transfer] = await Promise.all([
    getTranslations("dataMapFields"),
    getTranslations("vocabulary"),
    getDataMap(),
    getRecipientTransfer(recipient.id),
  ]);
  const { places, categories } = recipientReach(map.purposes, recipient.id);
  return (
    <div className="stack">
      <PageHeader
        title={t("transfer.title", { name: recipient.name })}
        description={t("transfer.help")}
        actions={
          <Link className="button secondary" href={`/admin/recipients/${recipient.id}`}>
            {t("cancel")}
          </Link>
        }
      />
      <p className="card" role="note">
        {places.length
          ? t("transfer.abroadFor", { places: places.map((j) => tv(`jurisdiction.${j}`)).join(", ") })
          : t("transfer.notAbroad")}{" "}
        <span className="mono" translate="no">
          {recipient.country}
        </span>
      </p>
      <TransferForm recipientId={recipient.id} initial={transfer} action={saveTransferAction} categories={categories} />
    </div>
  );
}
