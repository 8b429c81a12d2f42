"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import type { ShortLayer } from "@/lib/notices/required-elements";

/** The published notice a translation is made from, with its language's name and date in the reader's words. */
export type TranslationSource = {
  locale: Locale;
  language: string;
  version: number;
  date: string;
  title: string;
  shortLayer: ShortLayer;
  fullText: string;
};

/**
 * A field of a translation beside its source: the source's text on the left (above it on a phone), the field being
 * edited on the right, their labels and boxes lined up by the form rows' rule. Without a source, only the field.
 */
export function SourcePair({
  source,
  field,
  text,
  children,
}: {
  source: TranslationSource | null;
  field: string;
  text: string;
  children: ReactNode;
}) {
  const t = useTranslations("noticeEditor");
  if (!source) return <>{children}</>;
  const label = t("sourceLabel", { language: source.language, version: source.version });
  return (
    <div className="source-pair">
      <div className="field source-text" role="group" aria-label={t("sourceName", { source: label, field })}>
        <span className="label" aria-hidden="true">
          {label}
        </span>
        {text.trim() ? (
          <div className="source-body" lang={source.locale}>
            {text}
          </div>
        ) : (
          <div className="source-body muted">{t("sourceEmpty", { language: source.language })}</div>
        )}
      </div>
      {children}
    </div>
  );
}
