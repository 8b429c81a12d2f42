import type { Locale } from "../../i18n/config";
import { defaultTemplate, renderTemplate, type RenderedMessage } from "./render";
import type { TemplateText } from "./vocabulary";

const changesLabel: Record<Locale, string> = { en: "What changed: ", ko: "변경 내용: ", ja: "変更内容：" };

export type ReconsentVars = {
  brand: string;
  contact: string;
  title: string;
  summary: string | null;
  noticeUrl: string;
  preferencesUrl: string;
};

/** The message asking a person to choose again after a material change to a notice, in the brand's current wording. */
export function reconsentMessage(locale: Locale, v: ReconsentVars, template?: TemplateText): RenderedMessage {
  return renderTemplate(
    template ?? defaultTemplate("notice-reconsent", locale),
    {
      brand: v.brand,
      contact: v.contact,
      title: v.title,
      changes: v.summary ? `${changesLabel[locale]}${v.summary}` : "",
      notice: v.noticeUrl,
      link: v.preferencesUrl,
    },
    locale,
  );
}
