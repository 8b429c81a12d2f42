"use client";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import type { Regime } from "@/lib/requests/clock-rules";
import { renderTemplate } from "@/lib/messages/templates/render";
import { sampleRegimeFor, sampleValues } from "@/lib/messages/templates/samples";
import { placeholderProblems } from "@/lib/messages/templates/schema";
import { kindRules, templateFields, type TemplateKind, type TemplateText } from "@/lib/messages/templates/vocabulary";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveMessageTemplateAction } from "./actions";
import styles from "./messages.module.css";

const regimes: Regime[] = ["gdpr", "pipa", "appi", "ccpa", "strictest"];

type Props = { kind: TemplateKind; locale: Locale; current: TemplateText; brand: { name: string; contact: string; baseUrl: string } };

/**
 * The officer's editor for one message in one language, with the preview beside it drawn by the
 * sender's own renderer (lib/messages/templates/render.ts) from sample values. Placeholder problems
 * show as they are typed; the server checks the same rules again before it saves.
 */
export function TemplateEditor({ kind, locale, current, brand }: Props) {
  const t = useTranslations("requestPolicy.messages");
  const { state, form } = useFormAction(saveMessageTemplateAction);
  const [text, setText] = useState<TemplateText>(current);
  const [regime, setRegime] = useState<Regime>(sampleRegimeFor[locale]);
  const preview = useMemo(() => renderTemplate(text, sampleValues(locale, brand, regime), locale), [text, locale, brand, regime]);
  const live = placeholderProblems(kind, text);
  const server = state.ok ? {} : (state.fieldErrors ?? {});
  const errorsOf = (field: string) => [
    ...new Set([...(server[field] ?? []), ...live.filter((p) => p.field === field).map((p) => p.message)]),
  ];
  const errorText = (message: string) => {
    const [key, name] = message.split(":");
    if (name) return t(`errors.${key as "unknownPlaceholder"}`, { name: `{${name}}` });
    return t.has(`errors.${key}`) ? t(`errors.${key as "required"}`) : t("errors.invalid");
  };
  const rule = kindRules[kind];
  return (
    <div className={styles.editor}>
      <form {...form} className="stack" noValidate aria-label={t("kinds." + kind)}>
        <FormMessage
          error={state.ok ? undefined : state.formError}
          success={state.ok && state.message ? t("saved", { version: state.data ?? 0 }) : undefined}
        />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="locale" value={locale} />
        {templateFields.map((field) => (
          <Field key={field} label={t(`fields.${field}`)} name={field} errors={errorsOf(field)} errorText={errorText}>
            {(p) =>
              field === "subject" ? (
                <input {...p} lang={locale} value={text[field]} onChange={(e) => setText({ ...text, [field]: e.target.value })} />
              ) : (
                <textarea
                  {...p}
                  lang={locale}
                  rows={field === "body" ? 10 : 3}
                  value={text[field]}
                  onChange={(e) => setText({ ...text, [field]: e.target.value })}
                />
              )
            }
          </Field>
        ))}
        <div>
          <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
        </div>
        <section className="stack" aria-labelledby="placeholders-h">
          <h3 id="placeholders-h">{t("placeholdersTitle")}</h3>
          <p className="muted" style={{ margin: 0 }}>
            {t("placeholdersHelp")}
          </p>
          <ul className={styles.placeholders}>
            {rule.allowed.map((name) => (
              <li key={name}>
                <code>{`{${name}}`}</code> {t(`placeholders.${name}`)}
                {rule.required.includes(name) ? <strong> ({t("mustStay")})</strong> : null}
              </li>
            ))}
          </ul>
        </section>
      </form>
      <section className={`card stack ${styles.preview}`} aria-labelledby="preview-h">
        <h2 id="preview-h">{t("preview")}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t("previewHelp")}
        </p>
        {rule.allowed.includes("complaint") ? (
          <div className="field">
            <label htmlFor="sample-law">{t("sampleLaw")}</label>
            <select id="sample-law" value={regime} onChange={(e) => setRegime(e.target.value as Regime)}>
              {regimes.map((r) => (
                <option key={r} value={r}>
                  {t(`regimes.${r}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div data-testid="template-preview" lang={locale} className="stack" aria-live="polite">
          <p className={styles.subjectLine}>
            <span className="muted">{t("previewSubject")}: </span>
            <strong>{preview.subjectLine}</strong>
          </p>
          <pre className={styles.body}>{preview.body}</pre>
        </div>
      </section>
    </div>
  );
}
