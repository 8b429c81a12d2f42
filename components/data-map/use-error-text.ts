"use client";
import { useTranslations } from "next-intl";

/** Words for a data-map form's error key: its own catalog first, then the shared errors. */
export function useDataMapErrorText(): (key: string) => string {
  const tf = useTranslations("dataMapFields");
  const te = useTranslations("errors");
  return (key) => (tf.has(`errors.${key}`) ? tf(`errors.${key}`) : te.has(key) ? te(key) : te("invalid"));
}
