"use client";
import { useTranslations } from "next-intl";
import { choiceField, type NotificationChoices } from "@/lib/notifications/choices";
import { staffDeliveries, type StaffEvent } from "@/lib/notifications/vocabulary";
import { localeNames, locales, type Locale } from "@/lib/i18n/config";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveProfileAction } from "./actions";

/** The member's email language and, for each event their role may see, off / at once / in the daily digest. */
export function ProfileForm({
  events,
  choices,
  locale,
  digestAt,
  zone,
}: {
  events: StaffEvent[];
  choices: NotificationChoices;
  locale: Locale;
  digestAt: string;
  zone: string;
}) {
  const t = useTranslations("profile");
  const { state, form } = useFormAction(saveProfileAction);
  const fieldErrors = state.ok ? {} : (state.fieldErrors ?? {});
  const errorText = (keys: string[] | undefined) =>
    (keys ?? []).map((k) => (t.has(`errors.${k}`) ? t(`errors.${k}`) : t("errors.invalid"))).join(" ");
  // A refusal of a field the page does not show (a choice for an event the role may not see) is said above the form.
  const shown = new Set<string>(["locale", ...events.map(choiceField)]);
  const refusedUnshown = Object.keys(fieldErrors).some((k) => !shown.has(k));
  return (
    <form {...form} className="stack" noValidate aria-label={t("formLabel")}>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("saved") : undefined} />
      {refusedUnshown ? (
        <p className="alert error" role="alert">
          {t("errors.not-allowed")}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="profile-email-h">
        <h2 id="profile-email-h">{t("emailsHeading")}</h2>
        <div className="field">
          <label htmlFor="profile-locale">{t("localeLabel")}</label>
          <select id="profile-locale" name="locale" defaultValue={locale} aria-describedby="profile-locale-help profile-locale-error">
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {localeNames[l]}
              </option>
            ))}
          </select>
          <span className="help" id="profile-locale-help">
            {t("localeHelp")}
          </span>
          <span className="error" id="profile-locale-error" aria-live="polite">
            {errorText(fieldErrors.locale)}
          </span>
        </div>
      </section>
      <section className="card stack" aria-labelledby="profile-notify-h">
        <h2 id="profile-notify-h">{t("notificationsHeading")}</h2>
        <p className="muted">{t("notificationsHelp", { at: digestAt, zone })}</p>
        {events.length === 0 ? <p>{t("noEvents")}</p> : null}
        {events.map((event) => {
          const name = choiceField(event);
          const errors = fieldErrors[name];
          return (
            <fieldset
              key={event}
              className="field"
              aria-describedby={`${name}-help ${name}-error`}
              aria-invalid={errors?.length ? true : undefined}
            >
              <legend style={{ fontWeight: 600, fontSize: "0.95rem" }}>{t(`events.${event}.label`)}</legend>
              <span className="help" id={`${name}-help`}>
                {t(`events.${event}.help`)}
              </span>
              <div className="tags" style={{ gap: "0.5rem 1.25rem" }}>
                {staffDeliveries.map((d) => (
                  <label key={d} className="row" style={{ gap: "0.35rem" }}>
                    <input type="radio" name={name} value={d} defaultChecked={(choices[event] ?? "off") === d} />
                    {t(`deliveries.${d}`)}
                  </label>
                ))}
              </div>
              <span className="error" id={`${name}-error`} aria-live="polite">
                {errorText(errors)}
              </span>
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
