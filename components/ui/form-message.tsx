"use client";
import { useTranslations } from "next-intl";

/** The form-level outcome of an action, announced politely. */
export function FormMessage({ error, success, values }: { error?: string; success?: string; values?: Record<string, string | number> }) {
  const t = useTranslations("errors");
  return (
    <div aria-live="polite" role="status">
      {error ? <p className="alert error">{t.has(error) ? t(error, values) : t("unexpected")}</p> : null}
      {!error && success ? <p className="alert ok">{success}</p> : null}
    </div>
  );
}
