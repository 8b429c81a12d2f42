import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getPurposeRecord } from "@/db/data-map";

/** What the record of processing says about the purpose beyond its fields, with a link to edit it for those who may. */
export async function PurposeRecordSummary({ purposeId, canEdit }: { purposeId: number; canEdit: boolean }) {
  const [t, tv, record] = await Promise.all([getTranslations("dataMapFields"), getTranslations("vocabulary"), getPurposeRecord(purposeId)]);
  const notSet = t("notSet");
  // Vocabulary words in the reader's language, then the brand's own note as written.
  const list = (values: string[], note: string | null) =>
    values.length || note ? (
      <>
        {values.join(", ")}
        {values.length && note ? ", " : null}
        {note ? <span translate="no">{note}</span> : null}
      </>
    ) : (
      notSet
    );
  const facts = [
    {
      label: t("purposeRecord.subjectCategories"),
      value: list(
        record.subjectCategories.map((c) => t(`subjectCategory.${c}`)),
        record.subjectCategoriesNote,
      ),
    },
    {
      label: t("purposeRecord.sources"),
      value: list(
        record.sources.map((s) => t(`source.${s}`)),
        record.sourcesNote,
      ),
    },
    {
      label: t("purposeRecord.destructionMethod"),
      value: list(record.destructionMethod ? [t(`destruction.${record.destructionMethod}`)] : [], record.destructionNote),
    },
    {
      label: t("purposeRecord.legalHolds"),
      value: record.legalHolds.length ? (
        <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
          {record.legalHolds.map((h, i) => (
            <li key={i}>
              {t(`retentionLaw.${h.law}`)}: {h.items.map((c) => tv(`category.${c}`)).join(", ")} ·{" "}
              {t("purposeRecord.holdDaysValue", { days: h.days })}
              {h.note ? (
                <>
                  {" · "}
                  <span translate="no">{h.note}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        notSet
      ),
    },
  ];
  return (
    <section className="card stack" aria-labelledby="record-heading">
      <h2 id="record-heading">{t("purposeRecord.heading")}</h2>
      <dl className="facts">
        {facts.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {canEdit ? (
        <div>
          <Link className="button secondary" href={`/admin/purposes/${purposeId}/record`}>
            {t("purposeRecord.edit")}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
