"use client";
import { useTranslations } from "next-intl";
import { locales, type Locale } from "@/lib/i18n/config";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

/** Whether a draft's change is material, and what changed in each language the people told read. */
export function PolicyChangeForm({
  action,
  versionId,
  material,
  summary,
}: {
  action: FormAction;
  versionId: number;
  material: boolean;
  summary: Partial<Record<Locale, string>> | null;
}) {
  const t = useTranslations("privacyPolicy.admin");
  const tv = useTranslations("vocabulary.language");
  const { state, form } = useFormAction(action);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form {...form} className="stack" aria-labelledby="policy-change-h">
      <h3 id="policy-change-h" style={{ margin: 0 }}>
        {t("changeHeading")}
      </h3>
      <input type="hidden" name="versionId" value={versionId} />
      <div className="field">
        <label className="row" style={{ gap: "0.5rem" }}>
          <input type="checkbox" name="material" defaultChecked={material} aria-describedby="policy-material-help" />
          {t("material")}
        </label>
        <span className="help" id="policy-material-help">
          {t("materialHelp")}
        </span>
      </div>
      {locales.map((l) => (
        <Field
          key={l}
          label={t("summary", { language: tv(l) })}
          name={`summary.${l}`}
          errors={errors?.[`summary.${l}`]}
          help={t("summaryHelp", { language: tv(l) })}
        >
          {(p) => <textarea {...p} rows={2} lang={l} defaultValue={summary?.[l] ?? ""} />}
        </Field>
      ))}
      <div>
        <SubmitButton className="button secondary">{t("saveChange")}</SubmitButton>
      </div>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("savedChange") : undefined} />
    </form>
  );
}
