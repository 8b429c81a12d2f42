"use client";
import { useTranslations } from "next-intl";
import type { AuditFilterInput } from "@/lib/audit/filter";

/** A plain GET form: filters live in the URL, so a filtered view can be shared and bookmarked. */
export function AuditFilters({ actions, initial }: { actions: string[]; initial: AuditFilterInput }) {
  const t = useTranslations("audit");
  return (
    <form method="get" className="filters card" role="search" aria-label={t("filters")}>
      <div className="field">
        <label htmlFor="audit-action">{t("action")}</label>
        <select id="audit-action" name="action" defaultValue={initial.action ?? ""}>
          <option value="">{t("allActions")}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-outcome">{t("outcome")}</label>
        <select id="audit-outcome" name="outcome" defaultValue={initial.outcome ?? ""}>
          <option value="">{t("allOutcomes")}</option>
          <option value="ok">{t("outcomes.ok")}</option>
          <option value="denied">{t("outcomes.denied")}</option>
          <option value="failed">{t("outcomes.failed")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t("from")}</label>
        <input id="audit-from" type="date" name="from" defaultValue={initial.from} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t("to")}</label>
        <input id="audit-to" type="date" name="to" defaultValue={initial.to} />
      </div>
      <div className="field">
        <label htmlFor="audit-q">{t("search")}</label>
        <input id="audit-q" type="search" name="q" defaultValue={initial.q} />
      </div>
      <div className="field">
        <button type="submit" className="button">
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
