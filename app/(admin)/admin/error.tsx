"use client";
import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/ui/error-panel";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return <ErrorPanel title={t("pageTitle")} body={t("unexpected")} retry={t("retry")} reset={reset} />;
}
