import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { loadRopa } from "@/lib/server/ropa";
import { RopaView } from "@/components/ropa/ropa-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordOfProcessing"))("title") };
}

/** The record of processing to print: the document alone (the staff menu is left off in print, globals.css). */
export default async function RecordOfProcessingPrintPage() {
  await requirePagePermission("record-of-processing:read", "/admin/record-of-processing/print");
  const [t, ropa] = await Promise.all([getTranslations("recordOfProcessing"), loadRopa()]);
  return (
    <article className="stack ropa-print">
      <p className="no-print" style={{ margin: 0 }}>
        <Link href="/admin/record-of-processing">{t("back")}</Link>
      </p>
      <header>
        <h1>{ropa.doc.title}</h1>
        <p className="muted">
          {ropa.generated} {t("legalNote")}
        </p>
      </header>
      <RopaView doc={ropa.doc} />
    </article>
  );
}
