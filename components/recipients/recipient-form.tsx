"use client";
import { useTranslations } from "next-intl";
import { recipientRoles, type RecipientRole } from "@/lib/purposes/vocabulary";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";

export type RecipientFormValues = {
  name: string;
  role: RecipientRole;
  country: string;
  privacyContactName: string | null;
  privacyContactEmail: string | null;
};

export const emptyRecipient: RecipientFormValues = {
  name: "",
  role: "processor",
  country: "",
  privacyContactName: null,
  privacyContactEmail: null,
};

/** A recipient's facts, new or edited; the same zod schema checks them again on the server. */
export function RecipientForm<T>({
  action,
  initial,
  recipientId,
  submitLabel,
  contactEmailLocked = false,
}: {
  action: FormAction<T>;
  initial: RecipientFormValues;
  recipientId?: number;
  submitLabel: string;
  /** An email path writes to the contact address and the user may not change paths: shown, not editable (the server refuses too). */
  contactEmailLocked?: boolean;
}) {
  const t = useTranslations("recipients.form");
  const tv = useTranslations("vocabulary");
  const { state, form } = useFormAction(action);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form {...form} className="card stack" noValidate aria-label={submitLabel}>
      {recipientId ? <input type="hidden" name="recipientId" value={recipientId} /> : null}
      <FormMessage error={state.ok ? undefined : state.formError} />
      <div className="form-grid">
        <Field label={t("name")} name="name" errors={errors?.name} help={t("nameHelp")}>
          {(p) => <input {...p} defaultValue={initial.name} maxLength={120} autoComplete="organization" />}
        </Field>
        <Field label={t("role")} name="role" errors={errors?.role} help={t("roleHelp")}>
          {(p) => (
            <select {...p} defaultValue={initial.role}>
              {recipientRoles.map((role) => (
                <option key={role} value={role}>
                  {tv(`role.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("country")} name="country" errors={errors?.country} help={t("countryHelp")}>
          {(p) => <input {...p} defaultValue={initial.country} maxLength={2} className="mono" autoComplete="off" />}
        </Field>
      </div>
      <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{t("contactLegend")}</legend>
        <p className="muted" style={{ margin: 0 }}>
          {t("contactHelp")}
        </p>
        <div className="form-grid">
          <Field label={t("contactName")} name="privacyContactName" errors={errors?.privacyContactName}>
            {(p) => <input {...p} defaultValue={initial.privacyContactName ?? ""} maxLength={120} autoComplete="off" />}
          </Field>
          <Field
            label={t("contactEmail")}
            name="privacyContactEmail"
            errors={errors?.privacyContactEmail}
            help={contactEmailLocked ? t("contactEmailLocked") : undefined}
          >
            {(p) => (
              <input
                {...p}
                type="email"
                defaultValue={initial.privacyContactEmail ?? ""}
                maxLength={254}
                autoComplete="off"
                readOnly={contactEmailLocked}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
