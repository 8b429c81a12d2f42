"use client";
import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/ui/error-panel";

/** Something unexpected: nothing personal is shown, and trying again is one click. */
export default function PreferencesError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("preferences.errors");
  return <ErrorPanel title={t("pageTitle")} body={t("unexpected")} retry={t("retry")} reset={reset} />;
}
