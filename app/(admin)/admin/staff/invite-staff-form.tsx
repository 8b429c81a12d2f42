"use client";
import { useLocale, useTranslations } from "next-intl";
import { roles } from "@/lib/auth/roles";
import { localeNames, locales } from "@/lib/i18n/config";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { inviteStaffAction } from "./actions";
import { StaffMessage } from "./staff-message";

/** Invites a colleague by email: they get a one-time link and choose their own password. */
export function InviteStaffForm({ hours }: { hours: number }) {
  const t = useTranslations("staff");
  const tr = useTranslations("roles");
  const locale = useLocale();
  // Once the invitation is on its way the form empties for the next one; a refusal keeps what was typed.
  const { state, form } = useFormAction(inviteStaffAction, { resetOnSuccess: true });
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form {...form} className="card stack" aria-labelledby="invite-staff-title" noValidate>
      <h2 id="invite-staff-title">{t("inviteTitle")}</h2>
      <p className="muted">{t("inviteIntro", { hours })}</p>
      <StaffMessage state={state} success={state.ok && state.message ? t("invited") : undefined} />
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
        <Field label={t("inviteLanguage")} name="locale" errors={errors?.locale}>
          {(p) => (
            <select {...p} defaultValue={locale}>
              {locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {localeNames[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div>
        <SubmitButton pendingLabel={t("inviting")}>{t("invite")}</SubmitButton>
      </div>
    </form>
  );
}
