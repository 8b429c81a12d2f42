"use client";
import { useTranslations } from "next-intl";

/** Something unexpected: nothing personal is shown, and trying again is one click. */
export default function PreferencesError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("preferences.errors");
  return (
    <div className="card stack" role="alert">
      <h1>{t("pageTitle")}</h1>
      <p>{t("unexpected")}</p>
      <div>
        <button type="button" className="button" onClick={reset}>
          {t("retry")}
        </button>
      </div>
    </div>
  );
}
