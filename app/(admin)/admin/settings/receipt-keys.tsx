import { getTranslations } from "next-intl/server";
import { getDateFormatter } from "@/lib/server/format";
import { publishedReceiptKeys } from "@/lib/server/receipt-signing";
import { DataTable } from "@/components/ui/data-table";
import { RotateReceiptKeyForm } from "./rotate-receipt-key-form";

/** The keys that sign consent receipts: the current one and the retired ones still published (issue 20). */
export async function ReceiptKeys() {
  const [t, format, keys] = await Promise.all([getTranslations("receipts.keys"), getDateFormatter(), publishedReceiptKeys()]);
  const when = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })}</time>;
  const rows = [...keys].reverse();
  return (
    <section className="card stack" aria-labelledby="receipt-keys-h">
      <h2 id="receipt-keys-h">{t("title")}</h2>
      <p className="muted" style={{ margin: 0 }}>
        {t("description")}
      </p>
      <DataTable
        label={t("list")}
        stacked
        empty={{ title: t("none") }}
        rows={rows}
        rowKey={(k) => k.kid}
        columns={[
          { key: "kid", header: t("kid"), cell: (k) => <code style={{ wordBreak: "break-all" }}>{k.kid}</code> },
          { key: "status", header: t("status"), cell: (k) => (k.retiredAt ? t("retiredStatus") : <strong>{t("current")}</strong>) },
          { key: "created", header: t("created"), cell: (k) => when(k.createdAt) },
          { key: "retired", header: t("retired"), cell: (k) => (k.retiredAt ? when(k.retiredAt) : "—") },
        ]}
      />
      <RotateReceiptKeyForm />
      <p className="muted" style={{ margin: 0 }}>
        <a href="/.well-known/jwks.json">{t("jwks")}</a> · <a href="/receipts/verify">{t("verifyPage")}</a>
      </p>
    </section>
  );
}
