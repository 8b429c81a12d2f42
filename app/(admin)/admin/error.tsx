"use client";
import { useTranslations } from "next-intl";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
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
