"use client";
import { useTranslations } from "next-intl";
import { locales, type Locale } from "@/lib/i18n/config";
import { jurisdictions, type Jurisdiction } from "@/lib/jurisdictions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveNoticeLanguagesAction } from "./actions";

type PerJurisdiction = Record<Jurisdiction, readonly Locale[]>;

/**
 * One group of languages per jurisdiction. The default language is always
 * required, so its box is checked and cannot be cleared; the others are the
 * brand's enabled languages (and any it chose before disabling one, to clear).
 */
export function NoticeLanguagesForm({
  enabled,
  defaults,
  current,
}: {
  enabled: readonly Locale[];
  defaults: PerJurisdiction;
  current: PerJurisdiction;
}) {
  const t = useTranslations("brandSettings");
  const tv = useTranslations("vocabulary");
  const te = useTranslations("errors");
  const { state, form } = useFormAction(saveNoticeLanguagesAction);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form {...form} className="stack" noValidate aria-label={t("noticeLanguages")}>
      <FormMessage error={state.ok ? undefined : state.formError} success={state.ok && state.message ? t("saved") : undefined} />
      <section className="card stack" aria-labelledby="notice-languages-h">
        <h2 id="notice-languages-h">{t("noticeLanguages")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("noticeLanguagesHelp")}
        </p>
        <div className="grid-cards">
          {jurisdictions.map((j) => {
            const shown = locales.filter((l) => enabled.includes(l) || defaults[j].includes(l) || current[j].includes(l));
            const fieldErrors = errors[`lang_${j}`];
            return (
              <fieldset
                key={j}
                className="field"
                aria-describedby={`lang-${j}-error`}
                aria-invalid={fieldErrors?.length ? true : undefined}
              >
                <legend style={{ fontWeight: 600, fontSize: "0.9rem" }}>{tv(`jurisdiction.${j}`)}</legend>
                <div className="tags" style={{ gap: "0.5rem 1rem" }}>
                  {shown.map((l) => {
                    const always = defaults[j].includes(l);
                    return (
                      <label key={l} className="row" style={{ gap: "0.35rem" }}>
                        <input
                          type="checkbox"
                          name={`lang_${j}`}
                          value={l}
                          defaultChecked={always || current[j].includes(l)}
                          disabled={always}
                        />
                        {tv(`language.${l}`)}
                        {always ? <span className="muted">({t("always")})</span> : null}
                      </label>
                    );
                  })}
                </div>
                <span className="error" id={`lang-${j}-error`} aria-live="polite">
                  {fieldErrors?.map((k) => (te.has(k) ? te(k) : te("invalid"))).join(" ")}
                </span>
              </fieldset>
            );
          })}
        </div>
      </section>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
