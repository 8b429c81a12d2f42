import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { subjectChoice } from "@/lib/purposes/vocabulary";
import type { PurposeDetail } from "@/db/purposes";
import { Badge } from "@/components/ui/badge";

/** The purpose's declaration, as a reader would want it: what, why, how long, who else (linked to the registry for those who may read it). */
export async function PurposeFacts({ purpose, linkRecipients }: { purpose: PurposeDetail; linkRecipients: boolean }) {
  const [t, tv] = await Promise.all([getTranslations("purposeDetail"), getTranslations("vocabulary")]);
  const rows: { label: string; value: React.ReactNode }[] = [
    // The description is the brand's own words, shown as written whatever the reader's language.
    { label: t("fields.description"), value: <span translate="no">{purpose.description}</span> },
    {
      label: t("fields.jurisdictions"),
      value: purpose.jurisdictions.length ? (
        <div className="tags">
          {purpose.jurisdictions.map((j) => (
            <Badge key={j}>{tv.has(`jurisdiction.${j}`) ? tv(`jurisdiction.${j}`) : j}</Badge>
          ))}
        </div>
      ) : (
        t("none")
      ),
    },
    {
      label: t("fields.legalBasis"),
      value: (
        <>
          {tv(`basis.${purpose.legalBasis}`)} <span className="muted">· {t(`choice.${subjectChoice(purpose.legalBasis)}`)}</span>
        </>
      ),
    },
    {
      label: t("fields.dataCategories"),
      value: (
        <div className="tags">
          {purpose.dataCategories.map((c) => (
            <Badge key={c}>{tv(`category.${c}`)}</Badge>
          ))}
        </div>
      ),
    },
    { label: t("fields.retentionDays"), value: t("days", { days: purpose.retentionDays }) },
    { label: t("fields.validityDays"), value: purpose.validityDays ? t("days", { days: purpose.validityDays }) : t("untilWithdrawn") },
    {
      label: t("fields.channels"),
      value: purpose.channels.length ? purpose.channels.map((c) => tv(`channel.${c}`)).join(", ") : t("none"),
    },
    { label: t("fields.benefit"), value: purpose.benefit },
    { label: t("fields.saleOrSharing"), value: purpose.saleOrSharing ? t("yes") : t("no") },
    { label: t("fields.sensitive"), value: purpose.sensitive ? t("yes") : t("no") },
    { label: t("fields.sensitiveBeyondPermitted"), value: purpose.sensitiveBeyondPermitted ? t("yes") : t("no") },
    {
      label: t("fields.recipients"),
      value: purpose.recipients.length ? (
        <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
          {purpose.recipients.map((r) => (
            <li key={r.id}>
              {linkRecipients ? <Link href={`/admin/recipients/${r.id}`}>{r.name}</Link> : r.name}{" "}
              <span className="muted">
                ({r.country} · {tv(`role.${r.role}`)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        t("none")
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t("factsHeading")}</h2>
      <dl className="facts">
        {rows.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
