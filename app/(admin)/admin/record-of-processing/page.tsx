import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/server/session";
import { loadRopa } from "@/lib/server/ropa";
import { PageHeader } from "@/components/ui/page-header";
import { RopaView } from "@/components/ropa/ropa-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recordOfProcessing"))("title") };
}

/** The record of processing (issue 19): what is missing, each with where to fill it in, then the exports and the record itself. */
export default async function RecordOfProcessingPage() {
  await requirePagePermission("record-of-processing:read", "/admin/record-of-processing");
  const [t, ropa] = await Promise.all([getTranslations("recordOfProcessing"), loadRopa()]);
  return (
    <div className="stack">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link className="button secondary" href="/admin/settings/controller">
            {ropa.words("dataMapFields.controller.link")}
          </Link>
        }
      />
      <section className={ropa.gaps.length ? "alert warn stack" : "alert ok"} aria-labelledby="gaps-heading" style={{ gap: "0.4rem" }}>
        <h2 id="gaps-heading" style={{ margin: 0 }}>
          {t("gapsHeading")}
        </h2>
        {ropa.gaps.length ? (
          <>
            <p style={{ margin: 0 }}>{t("gapsIntro", { count: ropa.gaps.length })}</p>
            <ul style={{ margin: 0 }} aria-label={t("gapsHeading")}>
              {ropa.gaps.map((g, i) => (
                <li key={i}>
                  <span className="muted">{t("gapItem", { item: g.item })}</span> {t(`gaps.${g.code}`, { name: g.name ?? "" })}:{" "}
                  <Link href={g.href}>{t("fill")}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p style={{ margin: 0 }}>{t("noGaps")}</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t("exports")}</h2>
        <div className="row" style={{ flexWrap: "wrap", gap: "0.5rem" }}>
          <a className="button" href="/admin/record-of-processing/export.csv" download>
            {t("downloadCsv")}
          </a>
          <a className="button" href="/admin/record-of-processing/export.pdf" download>
            {t("downloadPdf")}
          </a>
          <Link className="button secondary" href="/admin/record-of-processing/print">
            {t("print")}
          </Link>
        </div>
        <p className="muted" style={{ margin: 0 }}>
          {t("printHint")}
        </p>
      </section>
      <p className="muted" style={{ margin: 0 }}>
        {ropa.generated} {t("legalNote")}
      </p>
      <RopaView doc={ropa.doc} />
    </div>
  );
}
