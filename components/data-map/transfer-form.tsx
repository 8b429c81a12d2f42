"use client";
import { useTranslations } from "next-intl";
import { transferMethods, transferRefusals, transferSafeguards, transferTimings } from "@/lib/data-map/vocabulary";
import { dataCategories } from "@/lib/purposes/vocabulary";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { useDataMapErrorText } from "./use-error-text";

export type TransferValues = {
  safeguard: string | null;
  safeguardNote: string | null;
  items: string[];
  timing: string | null;
  method: string | null;
  refusal: string | null;
};

/** A recipient's transfer abroad: the safeguard, what it receives, when and how, and how a person refuses. */
export function TransferForm({
  recipientId,
  initial,
  action,
  categories,
}: {
  recipientId: number;
  initial: TransferValues;
  action: FormAction;
  /** What the purposes linked to it send, offered first. */
  categories: string[];
}) {
  const t = useTranslations("dataMapFields");
  const tv = useTranslations("vocabulary");
  const errorText = useDataMapErrorText();
  const { state, form } = useFormAction(action);
  const errors = state.ok ? undefined : state.fieldErrors;
  const choices = [...categories, ...dataCategories.filter((c) => !categories.includes(c))];
  const select = (name: "timing" | "method" | "refusal", values: readonly string[], label: string, help?: string) => (
    <Field label={label} name={name} errors={errors?.[name]} help={help} errorText={errorText}>
      {(p) => (
        <select {...p} defaultValue={initial[name] ?? ""}>
          <option value="">{t("notSet")}</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {t(`${name}.${v}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form {...form} className="stack" noValidate aria-label={t("transfer.heading")}>
      <input type="hidden" name="recipientId" value={recipientId} />
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("saved") : undefined} />
      <div className="card stack">
        <div className="form-grid">
          <Field
            label={t("transfer.safeguard")}
            name="safeguard"
            errors={errors?.safeguard}
            help={t("transfer.safeguardHelp")}
            errorText={errorText}
          >
            {(p) => (
              <select {...p} defaultValue={initial.safeguard ?? ""}>
                <option value="">{t("transfer.noTransfer")}</option>
                {transferSafeguards.map((s) => (
                  <option key={s} value={s}>
                    {t(`safeguard.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t("transfer.safeguardNote")}
            name="safeguardNote"
            errors={errors?.safeguardNote}
            help={t("transfer.safeguardNoteHelp")}
            errorText={errorText}
          >
            {(p) => <input {...p} defaultValue={initial.safeguardNote ?? ""} />}
          </Field>
        </div>
        <CheckboxGroup
          legend={t("transfer.items")}
          help={t("transfer.itemsHelp")}
          name="items"
          options={choices.map((c) => ({ value: c, label: tv(`category.${c}`) }))}
          checked={initial.items}
          errors={errors?.items}
        />
        <div className="form-grid">
          {select("timing", transferTimings, t("transfer.timing"))}
          {select("method", transferMethods, t("transfer.method"))}
          {select("refusal", transferRefusals, t("transfer.refusal"), t("transfer.refusalHelp"))}
        </div>
      </div>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
