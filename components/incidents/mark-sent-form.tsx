"use client";
import { useTranslations } from "next-intl";
import { filingChannels } from "@/lib/incidents/vocabulary";
import { localeNames, locales } from "@/lib/i18n/config";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { useReportErrorText } from "./use-report-error-text";

/** Records that a report left the brand: when (the brand's wall clock), by which channel, its receipt number and language. */
export function MarkSentForm({
  incidentId,
  duty,
  label,
  defaultLocale,
  now,
  action,
}: {
  incidentId: number;
  duty: string;
  /** The report's name, so each of the tab's forms is told apart. */
  label: string;
  defaultLocale: string;
  /** The brand's wall clock now, as a datetime-local value. */
  now: string;
  action: FormAction;
}) {
  const t = useTranslations("incidentReports");
  const ti = useTranslations("incidents");
  const errorText = useReportErrorText();
  const { state, form } = useFormAction(action);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form {...form} className="stack" noValidate aria-label={`${t("page.markSent")}: ${label}`}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="duty" value={duty} />
      <div aria-live="polite" role="status">
        {!state.ok && state.formError ? <p className="alert error">{errorText(state.formError, state.values)}</p> : null}
        {state.ok && state.message ? <p className="alert ok">{t("page.marked")}</p> : null}
      </div>
      <div className="form-grid">
        <Field label={t("page.sentAt")} name="sentAt" errors={errors?.sentAt} errorText={errorText}>
          {(p) => <input {...p} type="datetime-local" defaultValue={now} max={now} />}
        </Field>
        <Field label={t("page.channelLabel")} name="channel" errors={errors?.channel} errorText={errorText}>
          {(p) => (
            <select {...p} defaultValue="portal">
              {filingChannels.map((c) => (
                <option key={c} value={c}>
                  {ti(`channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("page.localeLabel")} name="locale" errors={errors?.locale} errorText={errorText}>
          {(p) => (
            <select {...p} defaultValue={defaultLocale}>
              {locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {localeNames[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("page.receiptLabel")} name="receipt" errors={errors?.receipt} errorText={errorText}>
          {(p) => <input {...p} translate="no" />}
        </Field>
      </div>
      <Field label={t("page.noteLabel")} name="note" errors={errors?.note} errorText={errorText}>
        {(p) => <textarea {...p} rows={2} translate="no" />}
      </Field>
      <div>
        <SubmitButton>{t("page.markSent")}</SubmitButton>
      </div>
    </form>
  );
}
