"use client";
import { useTranslations } from "next-intl";
import { roles } from "@/lib/auth/roles";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { createStaffAction } from "./actions";

export function CreateStaffForm() {
  const t = useTranslations("staff");
  const tr = useTranslations("roles");
  // Once a colleague is created the form empties for the next one; a refusal keeps what was typed.
  const { state, form } = useFormAction(createStaffAction, { resetOnSuccess: true });
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form {...form} className="card stack" aria-labelledby="create-staff-title" noValidate>
      <h2 id="create-staff-title">{t("createTitle")}</h2>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("created") : undefined} />
      <div className="form-grid">
        <Field label={t("name")} name="name" errors={errors?.name}>
          {(p) => <input {...p} autoComplete="off" />}
        </Field>
        <Field label={t("email")} name="email" errors={errors?.email}>
          {(p) => <input {...p} type="email" autoComplete="off" />}
        </Field>
        <Field label={t("role")} name="role" errors={errors?.role}>
          {(p) => (
            <select {...p} defaultValue="marketing">
              {roles.map((r) => (
                <option key={r} value={r}>
                  {tr(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("password")} name="password" errors={errors?.password} help={t("passwordHelp")}>
          {(p) => <input {...p} type="password" autoComplete="new-password" />}
        </Field>
      </div>
      <div>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
