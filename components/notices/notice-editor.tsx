"use client";
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { analyzeNotice } from "@/lib/notices/analyze";
import { diffNotice } from "@/lib/notices/diff";
import { SHORT_LAYER_FIELDS, unnamedRecipients, type ShortLayer } from "@/lib/notices/required-elements";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { NoticeDiff } from "./notice-diff";
import { HighlightedText } from "./highlighted-text";
import { NoticeChecks } from "./notice-checks";
import { SourcePair, type TranslationSource } from "./source-pair";
import { MaterialChange } from "./material-change";

export type NoticeDraftValues = { title: string; shortLayer: ShortLayer; fullText: string; material: boolean; changeSummary: string };
type Published = { version: number; title: string; shortLayer: ShortLayer; fullText: string } | null;

/**
 * The notice editor: every keystroke re-runs the checks (missing elements,
 * readability, reading time, vague words) and the diff against the published
 * version, off the typing path through a deferred value.
 */
export function NoticeEditor(props: {
  purposeId: number;
  locale: Locale;
  versionId: number | null;
  initial: NoticeDraftValues;
  published: Published;
  save: FormAction;
  submit: FormAction;
  /** The purpose's recipients from the registry, which the "who else sees it" answer should name. */
  recipients: { name: string; country: string }[];
  /** For a translation: the source it is made from, shown beside each field. */
  source: TranslationSource | null;
}) {
  const { purposeId, locale, versionId, initial, published, source } = props;
  const t = useTranslations("noticeEditor");
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const { state: saveState, form: saveForm } = useFormAction(async (prev, form) => {
    const result = await props.save(prev, form);
    if (result.ok) setSaved(values);
    return result;
  });
  const { state: submitState, form: submitForm } = useFormAction(props.submit);
  const deferred = useDeferredValue(values);
  const analysis = useMemo(
    () => analyzeNotice({ locale, shortLayer: deferred.shortLayer, fullText: deferred.fullText }),
    [locale, deferred],
  );
  const diff = useMemo(() => (published ? diffNotice(published, deferred, locale) : null), [published, deferred, locale]);
  const unnamed = unnamedRecipients(deferred.shortLayer.recipients, props.recipients);
  const help = (key: keyof ShortLayer) =>
    key === "recipients" && props.recipients.length ? (
      <>
        {t("hints.recipients")} {t("registryRecipients", { list: props.recipients.map((r) => `${r.name} (${r.country})`).join(", ") })}
        {unnamed.length ? <strong> {t("unnamedRecipients", { names: unnamed.map((r) => r.name).join(", ") })}</strong> : null}
      </>
    ) : (
      t(`hints.${key}`)
    );
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const errors = saveState.ok ? undefined : saveState.fieldErrors;
  const setLayer = (key: keyof ShortLayer, value: string) => setValues((v) => ({ ...v, shortLayer: { ...v.shortLayer, [key]: value } }));
  // A first version changes nothing published: there is no one to tell or ask again, so no material-change question.
  const first = published === null;
  return (
    <div className="editor-grid">
      <div className="stack">
        <form {...saveForm} className="stack" noValidate aria-label={t("formLabel")}>
          <input type="hidden" name="purposeId" value={purposeId} />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="versionId" value={versionId ?? ""} />
          <FormMessage
            error={saveState.ok ? undefined : saveState.formError}
            success={saveState.ok && saveState.message && !dirty ? t("saved") : undefined}
          />
          <div className="card stack">
            {source ? (
              <p className="muted" style={{ margin: 0 }}>
                {t("sourceNote", { language: source.language, version: source.version, date: source.date })}
              </p>
            ) : null}
            <SourcePair source={source} field={t("title")} text={source?.title ?? ""}>
              <Field label={t("title")} name="title" errors={errors?.title}>
                {(p) => (
                  <input {...p} lang={locale} value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} />
                )}
              </Field>
            </SourcePair>
            <h2 style={{ margin: "0.5rem 0 0" }}>{t("shortLayer")}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {t("shortLayerHint")}
            </p>
            {SHORT_LAYER_FIELDS.map((key) => (
              <SourcePair key={key} source={source} field={t(`fields.${key}`)} text={source?.shortLayer[key] ?? ""}>
                <Field label={t(`fields.${key}`)} name={`short.${key}`} errors={errors?.[`short.${key}`]} help={help(key)}>
                  {(p) => (
                    <textarea
                      {...p}
                      lang={locale}
                      rows={2}
                      value={values.shortLayer[key]}
                      onChange={(e) => setLayer(key, e.target.value)}
                    />
                  )}
                </Field>
              </SourcePair>
            ))}
            <SourcePair source={source} field={t("fullText")} text={source?.fullText ?? ""}>
              <Field label={t("fullText")} name="fullText" errors={errors?.fullText} help={t("fullTextHint")}>
                {(p) => (
                  <textarea
                    {...p}
                    lang={locale}
                    rows={12}
                    value={values.fullText}
                    onChange={(e) => setValues({ ...values, fullText: e.target.value })}
                  />
                )}
              </Field>
            </SourcePair>
          </div>
          {first ? null : (
            <MaterialChange
              material={values.material}
              changeSummary={values.changeSummary}
              errors={errors}
              onChange={(patch) => setValues({ ...values, ...patch })}
            />
          )}
          <div className="row">
            <SubmitButton pendingLabel={t("saving")}>
              {versionId ? t("save") : first ? t("createFirstDraft") : t("createDraft")}
            </SubmitButton>
            {dirty ? (
              <span className="muted" role="status">
                {t("unsaved")}
              </span>
            ) : null}
          </div>
        </form>
        {versionId ? (
          <form {...submitForm} className="card stack" aria-label={t("submitLabel")}>
            <input type="hidden" name="versionId" value={versionId} />
            <p style={{ margin: 0 }}>
              {dirty ? t("saveBeforeSubmit") : analysis.missing.length ? t("fixBeforeSubmit") : t("readyToSubmit")}
            </p>
            <div>
              <SubmitButton className="button secondary">{t("submit")}</SubmitButton>
            </div>
            <FormMessage
              error={submitState.ok ? undefined : submitState.formError}
              success={submitState.ok && submitState.message ? t("submitted") : undefined}
            />
          </form>
        ) : null}
        <section className="card stack" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("previewHeading")}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t("previewHint")}
          </p>
          <div lang={locale}>
            <HighlightedText
              text={deferred.fullText}
              vague={analysis.vague.fullText}
              long={analysis.readability.fullText.longSentences}
              label={t("previewLabel")}
            />
          </div>
        </section>
        {published && diff ? (
          <NoticeDiff
            id="diff-heading"
            heading={t("diffHeading", { version: published.version })}
            summary={t("diffSummary", { added: diff.added, removed: diff.removed, unit: diff.unit })}
            locale={locale}
            rows={diff.rows}
            label={(field) => (field === "title" || field === "fullText" ? t(field) : t(`fields.${field}`))}
          />
        ) : null}
      </div>
      <NoticeChecks analysis={analysis} />
    </div>
  );
}
