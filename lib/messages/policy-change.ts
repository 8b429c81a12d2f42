import type { Locale } from "../i18n/config";
import { defaultTemplate, renderTemplate, type RenderedMessage } from "./templates/render";
import type { TemplateText } from "./templates/vocabulary";

const labels: Record<Locale, { sections: string; summary: string; join: string }> = {
  en: { sections: "What changed: ", summary: "In short: ", join: "; " },
  ko: { sections: "변경된 항목: ", summary: "요약: ", join: ", " },
  ja: { sections: "変更した項目：", summary: "概要：", join: "、" },
};

export type PolicyChangeVars = { brand: string; contact: string; sections: string[]; summary: string | null; policyUrl: string };

/**
 * The message telling a person the privacy policy changed materially (issue 19), in the brand's current wording of
 * "policy-change": the sections that changed in the part of the policy for their place, and the officer's summary.
 * It asks nothing of them: a policy change is not a request to consent again.
 */
export function policyChangeMessage(locale: Locale, v: PolicyChangeVars, template?: TemplateText): RenderedMessage {
  const l = labels[locale];
  const changes = [v.sections.length ? `${l.sections}${v.sections.join(l.join)}` : "", v.summary ? `${l.summary}${v.summary}` : ""]
    .filter(Boolean)
    .join("\n");
  return renderTemplate(
    template ?? defaultTemplate("policy-change", locale),
    { brand: v.brand, contact: v.contact, changes, link: v.policyUrl },
    locale,
  );
}
