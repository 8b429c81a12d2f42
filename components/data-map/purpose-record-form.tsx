"use client";
import { useTranslations } from "next-intl";
import { dataSources, destructionMethods, retentionLaws, subjectCategories } from "@/lib/data-map/vocabulary";
import { MAX_LEGAL_HOLDS } from "@/lib/data-map/schemas";
import { dataCategories } from "@/lib/purposes/vocabulary";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { useDataMapErrorText } from "./use-error-text";

export type PurposeRecordValues = {
  subjectCategories: string[];
  subjectCategoriesNote: string | null;
  sources: string[];
  sourcesNote: string | null;
  destructionMethod: string | null;
  destructionNote: string | null;
  legalHolds: { law: string; items: string[]; days: number; note?: string }[];
};

/** What the record of processing says about a purpose: people, sources, destruction and what law keeps. */
export function PurposeRecordForm({
  purposeId,
  initial,
  action,
  categories,
}: {
  purposeId: number;
  initial: PurposeRecordValues;
  action: FormAction;
  /** The purpose's own data categories, offered first for what law keeps. */
  categories: string[];
}) {
  const t = useTranslations("dataMapFields");
  const tv = useTranslations("vocabulary");
  const errorText = useDataMapErrorText();
  const { state, form } = useFormAction(action);
  const errors = state.ok ? undefined : state.fieldErrors;
  // The saved rows, then empty ones: one more than saved, at least two, at most the limit.
  const rows = Math.min(MAX_LEGAL_HOLDS, Math.max(2, initial.legalHolds.length + 1));
  const itemChoices = [...categories, ...dataCategories.filter((c) => !categories.includes(c))];
  return (
    <form {...form} className="stack" noValidate aria-label={t("purposeRecord.heading")}>
      <input type="hidden" name="purposeId" value={purposeId} />
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("saved") : undefined} />
      <div className="card stack">
        <CheckboxGroup
          legend={t("purposeRecord.subjectCategories")}
          help={t("purposeRecord.subjectCategoriesHelp")}
          name="subjectCategories"
          options={subjectCategories.map((c) => ({ value: c, label: t(`subjectCategory.${c}`) }))}
          checked={initial.subjectCategories}
          errors={errors?.subjectCategories}
        />
        <Field
          label={t("purposeRecord.subjectCategoriesNote")}
          name="subjectCategoriesNote"
          errors={errors?.subjectCategoriesNote}
          help={t("purposeRecord.subjectCategoriesNoteHelp")}
          errorText={errorText}
        >
          {(p) => <input {...p} defaultValue={initial.subjectCategoriesNote ?? ""} />}
        </Field>
      </div>
      <div className="card stack">
        <CheckboxGroup
          legend={t("purposeRecord.sources")}
          help={t("purposeRecord.sourcesHelp")}
          name="sources"
          options={dataSources.map((s) => ({ value: s, label: t(`source.${s}`) }))}
          checked={initial.sources}
          errors={errors?.sources}
        />
        <Field
          label={t("purposeRecord.sourcesNote")}
          name="sourcesNote"
          errors={errors?.sourcesNote}
          help={t("purposeRecord.sourcesNoteHelp")}
          errorText={errorText}
        >
          {(p) => <textarea {...p} rows={2} translate="no" defaultValue={initial.sourcesNote ?? ""} />}
        </Field>
      </div>
      <div className="card stack">
        <div className="form-grid">
          <Field
            label={t("purposeRecord.destructionMethod")}
            name="destructionMethod"
            errors={errors?.destructionMethod}
            help={t("purposeRecord.destructionHelp")}
            errorText={errorText}
          >
            {(p) => (
              <select {...p} defaultValue={initial.destructionMethod ?? ""}>
                <option value="">{t("notSet")}</option>
                {destructionMethods.map((m) => (
                  <option key={m} value={m}>
                    {t(`destruction.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t("purposeRecord.destructionNote")}
            name="destructionNote"
            errors={errors?.destructionNote}
            help={t("purposeRecord.destructionNoteHelp")}
            errorText={errorText}
          >
            {(p) => <textarea {...p} rows={2} translate="no" defaultValue={initial.destructionNote ?? ""} />}
          </Field>
        </div>
      </div>
      <section className="card stack" aria-labelledby="holds-heading">
        <h2 id="holds-heading">{t("purposeRecord.legalHolds")}</h2>
        <p className="muted">{t("purposeRecord.legalHoldsHelp")}</p>
        {errors?.legalHolds ? (
          <p className="error" role="alert">
            {errors.legalHolds.map(errorText).join(" ")}
          </p>
        ) : null}
        {Array.from({ length: rows }, (_, n) => {
          const hold = initial.legalHolds[n];
          return (
            <fieldset key={n} className="stack" style={{ borderTop: "1px solid var(--border, #ddd)", paddingTop: "0.75rem" }}>
              <legend style={{ fontWeight: 600 }}>{t("purposeRecord.holdRow", { n: n + 1 })}</legend>
              <div className="form-grid">
                <Field label={t("purposeRecord.holdLaw")} name={`hold.${n}.law`}>
                  {(p) => (
                    <select {...p} defaultValue={hold?.law ?? ""}>
                      <option value="">{t("notSet")}</option>
                      {retentionLaws.map((l) => (
                        <option key={l} value={l}>
                          {t(`retentionLaw.${l}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t("purposeRecord.holdDays")} name={`hold.${n}.days`}>
                  {(p) => <input {...p} inputMode="numeric" defaultValue={hold?.days ?? ""} />}
                </Field>
              </div>
              <CheckboxGroup
                legend={t("purposeRecord.holdItems")}
                name={`hold.${n}.items`}
                options={itemChoices.map((c) => ({ value: c, label: tv(`category.${c}`) }))}
                checked={hold?.items ?? []}
              />
              <Field label={t("purposeRecord.holdNote")} name={`hold.${n}.note`}>
                {(p) => <input {...p} defaultValue={hold?.note ?? ""} />}
              </Field>
            </fieldset>
          );
        })}
      </section>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
