import type { Locale } from "../../i18n/config";

/**
 * The messages Candor writes to a person whose wording the brand owns (issue 17): each is an
 * outbox kind (lib/outbox/vocabulary.ts) with a template per language the privacy officer edits.
 */
export const templateKinds = [
  "request-received",
  "request-code",
  "request-extended",
  "request-rejected",
  "request-completed",
  "request-export",
  "request-erased",
  "notice-reconsent",
  "policy-change",
  "incident-notice",
] as const;
export type TemplateKind = (typeof templateKinds)[number];

export function isTemplateKind(value: unknown): value is TemplateKind {
  return typeof value === "string" && (templateKinds as readonly string[]).includes(value);
}

/** The parts of a message the officer writes; the sent body is greeting, body and signature, a blank line apart. */
export const templateFields = ["subject", "greeting", "body", "signature"] as const;
export type TemplateField = (typeof templateFields)[number];
export type TemplateText = Record<TemplateField, string>;

/** Every placeholder a template may name, written {name}. */
export const placeholders = [
  "brand",
  "contact",
  "ref",
  "code",
  "link",
  "due",
  "received",
  "reason",
  "complaint",
  "what",
  "months",
  "title",
  "changes",
  "notice",
  "happened",
  "data",
  "measures",
  "advice",
] as const;
export type Placeholder = (typeof placeholders)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

type KindRule = { allowed: readonly Placeholder[]; required: readonly Placeholder[] };

const everyone: Placeholder[] = ["brand", "contact"];
const request: Placeholder[] = [...everyone, "ref"];

/**
 * What each kind may name, and what its body must keep: the code to confirm with, the link to follow
 * the request or download the data, the reason and new date of an extension (GDPR Art. 12(3)), the
 * reason and how to object or complain of a refusal (GDPR Art. 12(4), PIPA Art. 38(5), APPI Art. 40),
 * what is kept and for how long after an erasure, and where to choose again after a material change.
 */
export const kindRules: Record<TemplateKind, KindRule> = {
  "request-received": { allowed: [...request, "link", "due", "received"], required: ["link"] },
  "request-code": { allowed: [...request, "code"], required: ["code"] },
  "request-extended": { allowed: [...request, "reason", "due"], required: ["reason", "due"] },
  "request-rejected": { allowed: [...request, "reason", "complaint"], required: ["reason", "complaint"] },
  "request-completed": { allowed: [...request, "what"], required: ["what"] },
  "request-export": { allowed: [...request, "link"], required: ["link"] },
  "request-erased": { allowed: [...request, "received", "months"], required: ["months"] },
  "notice-reconsent": { allowed: [...everyone, "title", "changes", "notice", "link"], required: ["link"] },
  // A material change to the privacy policy (issue 19): what changed, and the link to read it; it asks nothing of the person.
  "policy-change": { allowed: [...everyone, "changes", "link"], required: ["changes", "link"] },
  // A breach notice to a person (issue 21): what happened and when, the data involved, what the brand is doing, what the
  // person can do, and where to ask or report harm (PIPA Art. 34(1) items, GDPR Art. 34(2) with Art. 33(3)(b)-(d)).
  "incident-notice": {
    allowed: [...everyone, "ref", "happened", "data", "measures", "advice", "link"],
    required: ["happened", "data", "measures", "advice", "contact"],
  },
};

export type TemplateDefaults = Record<TemplateKind, TemplateText>;
export type DefaultsByLocale = Record<Locale, TemplateDefaults>;
