"use client";
import { useTranslations } from "next-intl";
import { objectAction } from "./actions";
import { preferenceForm, usePreferenceAction, type ShownNotice } from "./use-preference-action";
import styles from "./preferences.module.css";

/** Objecting to a legitimate interest: one click, like every other choice here. */
export function ObjectButton({ notice, titleId }: { notice: ShownNotice; titleId: string }) {
  const t = useTranslations("preferences");
  const { pending, run, formError } = usePreferenceAction(objectAction);
  const labelId = `${titleId}-object`;
  return (
    <div className={styles.switchBox}>
      <button
        type="button"
        id={labelId}
        className="button secondary"
        aria-labelledby={`${labelId} ${titleId}`}
        aria-busy={pending || undefined}
        onClick={() => run(preferenceForm(notice, {}))}
      >
        {t("card.object")}
      </button>
      <span className={styles.error} role="status" aria-live="polite">
        {formError ? (t.has(`errors.${formError}`) ? t(`errors.${formError}`) : t("errors.unexpected")) : null}
      </span>
    </div>
  );
}
