"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

/** One button that runs one action for a record, showing its outcome. */
export function ActionButton({
  action,
  hidden,
  label,
  tone = "button",
  doneLabel,
}: {
  action: FormAction;
  hidden: Record<string, string | number>;
  label: string;
  tone?: string;
  doneLabel?: string;
}) {
  const { state, form } = useFormAction(action);
  // With "notices-missing": the languages whose notice must be published first, named in the reader's language.
  const missing = state.ok ? undefined : state.values?.locales;
  const languages = useLanguageList(typeof missing === "string" ? missing.split(",") : undefined);
  return (
    <form {...form} className="stack" style={{ gap: "0.4rem" }}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div>
        <SubmitButton className={tone}>{label}</SubmitButton>
      </div>
      <FormMessage
        error={state.ok ? undefined : state.formError}
        values={languages ? { languages } : undefined}
        success={state.ok && state.message ? doneLabel : undefined}
      />
    </form>
  );
}

/** Language codes named in the reader's language, as one list ("Korean and Japanese"). */
function useLanguageList(codes: string[] | undefined): string | undefined {
  const tv = useTranslations("vocabulary.language");
  const format = useFormatter();
  if (!codes?.length) return undefined;
  return format.list(
    codes.map((c) => (tv.has(c) ? tv(c) : c)),
    { type: "conjunction" },
  );
}

/** Sending back needs a comment for the author; the form says so beside the field. */
export function ReturnWithComment({
  action,
  hidden,
  label,
}: {
  action: FormAction;
  hidden: Record<string, string | number>;
  label: string;
}) {
  const t = useTranslations("review");
  // Sent back: the comment box empties; refused (no comment yet), it keeps what was typed.
  const { state, form } = useFormAction(action, { resetOnSuccess: true });
  return (
    <form {...form} className="stack" style={{ gap: "0.5rem" }}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Field label={t("comment")} name="comment" errors={state.ok ? undefined : state.fieldErrors?.comment} help={t("commentHelp")}>
        {(p) => <textarea {...p} rows={2} />}
      </Field>
      <div>
        <SubmitButton className="button secondary">{label}</SubmitButton>
      </div>
      <FormMessage error={state.ok ? undefined : state.formError} />
    </form>
  );
}
