import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { purposeName } from "@/lib/purposes/titles";
import { requirePagePermission } from "@/lib/server/session";
import { getPurposeTitles } from "@/lib/server/purpose-titles";
import { getPurposeRecord } from "@/db/data-map";
import { PageHeader } from "@/components/ui/page-header";
import { PurposeRecordForm } from "@/components/data-map/purpose-record-form";
import { loadPurpose } from "../load";
import { savePurposeRecordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataMapFields"))("purposeRecord.heading") };
}

/** The purpose's record details (issue 19): edited by privacy officers and administrators, outside the purpose's review. */
export default async function PurposeRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission("data-map:manage", `/admin/purposes/${encodeURIComponent(id)}/record`);
  const purpose = await loadPurpose(params);
  const [t, titles, record] = await Promise.all([getTranslations("dataMapFields"), getPurposeTitles(), getPurposeRecord(purpose.id)]);
  return (
    <div className="stack">
      <PageHeader
        title={t("purposeRecord.title", { name: purposeName(purpose, titles) })}
        description={t("purposeRecord.help")}
        actions={
          <Link className="button secondary" href={`/admin/purposes/${purpose.id}`}>
            {t("cancel")}
          </Link>
        }
      />
      <PurposeRecordForm purposeId={purpose.id} initial={record} action={savePurposeRecordAction} categories={purpose.dataCategories} />
    </div>
  );
}
