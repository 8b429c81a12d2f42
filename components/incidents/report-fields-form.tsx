"use client";
import { useTranslations } from "next-intl";
import type { ReportAdditions } from "@/lib/incidents/drafts/types";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { useReportErrorText } from "./use-report-error-text";

const texts = ["peopleCanDo", "remedyProcedure", "harmContact", "delayReasons", "publicAnnouncement", "otherMatters"] as const;

/** What the officer writes into the authority reports that the register does not hold; each draft takes what its law asks. */
export function ReportFieldsForm({ incidentId, initial, action }: { incidentId: number; initial: ReportAdditions; action: FormAction }) {
  const t = useTranslations("incidentReports.page");
  const errorText = useReportErrorText();
  const { state, form } = useFormAction(action);
  const errors = state.ok ? undefined : state.fieldErrors;
  const success = state.ok && state.message ? t(state.message === "unchanged" ? "unchanged" : "saved") : undefined;
  return (
    <form {...form} className="stack" noValidate aria-labelledby="report-fields-heading">
      <input type="hidden" name="incidentId" value={incidentId} />
      <FormMessage error={state.ok ? undefined : state.formError} success={success} />
      {texts.map((name) => (
        <Field key={name} label={t(`fields.${name}`)} name={name} errors={errors?.[name]} errorText={errorText}>
          {(p) => <textarea {...p} rows={name === "harmContact" ? 2 : 3} translate="no" defaultValue={initial[name] ?? ""} />}
        </Field>
      ))}
      <fieldset className="stack">
        <legend style={{ fontWeight: 600 }}>{t("fields.offer")}</legend>
        <div className="form-grid">
          <Field label={t("fields.offerProvider")} name="offerProvider" errors={errors?.offerProvider} errorText={errorText}>
            {(p) => <input {...p} translate="no" defaultValue={initial.offer?.provider ?? ""} />}
          </Field>
          <Field label={t("fields.offerMonths")} name="offerMonths" errors={errors?.offerMonths} errorText={errorText}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={12} max={120} defaultValue={initial.offer?.months ?? ""} />}
          </Field>
        </div>
        <Field label={t("fields.offerHowToEnrol")} name="offerHowToEnrol" errors={errors?.offerHowToEnrol} errorText={errorText}>
          {(p) => <textarea {...p} rows={2} translate="no" defaultValue={initial.offer?.howToEnrol ?? ""} />}
        </Field>
      </fieldset>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
