"use client";
import { useTranslations } from "next-intl";

/** Words for an error key of the reports tab: its own catalog first, then the shared errors. */
export function useReportErrorText(): (key: string, values?: Record<string, string | number>) => string {
  const tr = useTranslations("incidentReports.page.errors");
  const te = useTranslations("errors");
  return (key, values) => (tr.has(key) ? tr(key, values) : te.has(key) ? te(key) : te("invalid"));
}
