import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { recipientReach } from "@/lib/data-map/recipient-view";
import { getDataMap, getRecipientTransfer } from "@/db/data-map";

/** The recipient's transfer abroad as the record of processing states it, with a link to edit it for those who may. */
export async function TransferSummary({ recipientId, canEdit }: { recipientId: number; canEdit: boolean }) {
  const [t, tv, map, transfer] = await Promise.all([
    getTranslations("dataMapFields"),
    getTranslations("vocabulary"),
    getDataMap(),
    getRecipientTransfer(recipientId),
  ]);
  const { places } = recipientReach(map.purposes, recipientId);
  const notSet = t("notSet");
  const facts = [
    { label: t("transfer.safeguard"), value: transfer.safeguard ? t(`safeguard.${transfer.safeguard}`) : notSet },
    { label: t("transfer.safeguardNote"), value: transfer.safeguardNote ? <span translate="no">{transfer.safeguardNote}</span> : notSet },
    { label: t("transfer.items"), value: transfer.items.map((c) => tv(`category.${c}`)).join(", ") || notSet },
    { label: t("transfer.timing"), value: transfer.timing ? t(`timing.${transfer.timing}`) : notSet },
    { label: t("transfer.method"), value: transfer.method ? t(`method.${transfer.method}`) : notSet },
    { label: t("transfer.refusal"), value: transfer.refusal ? t(`refusal.${transfer.refusal}`) : notSet },
  ];
  return (
    <section className="card stack" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t("transfer.heading")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {places.length
          ? t("transfer.abroadFor", { places: places.map((j) => tv(`jurisdiction.${j}`)).join(", ") })
          : t("transfer.notAbroad")}
      </p>
      {places.length || transfer.safeguard ? (
        <dl className="facts">
          {facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {canEdit ? (
        <div>
          <Link className="button secondary" href={`/admin/recipients/${recipientId}/transfer`}>
            {t("transfer.edit")}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
