import { z } from "zod";
import { locales } from "../../i18n/config";
import { placeholdersIn } from "./render";
import { kindRules, templateFields, templateKinds, type TemplateKind } from "./vocabulary";

/** Field messages name a catalog key and, after a colon, the placeholder they are about ("unknownPlaceholder:foo"). */
export const templateFieldError = (key: "unknownPlaceholder" | "requiredPlaceholder", name: string) => `${key}:${name}`;

const limits = { subject: 200, greeting: 500, body: 8000, signature: 1000 } as const;

/** The placeholder problems of one template, by field: names the kind does not know, and required names the body lost. */
export function placeholderProblems(kind: TemplateKind, text: Record<(typeof templateFields)[number], string>) {
  const rule = kindRules[kind];
  const problems: { field: (typeof templateFields)[number]; message: string }[] = [];
  for (const field of templateFields) {
    const unknown = [...new Set(placeholdersIn(text[field]))].filter((n) => !(rule.allowed as readonly string[]).includes(n));
    for (const name of unknown) problems.push({ field, message: templateFieldError("unknownPlaceholder", name) });
  }
  const inBody = new Set(placeholdersIn(text.body));
  for (const name of rule.required)
    if (!inBody.has(name)) problems.push({ field: "body", message: templateFieldError("requiredPlaceholder", name) });
  return problems;
}

const text = (max: number, required: boolean) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .refine((v) => !required || v.length > 0, { error: "required" });

/**
 * A new version of one kind's template in one language. Every placeholder must be one the kind
 * knows, and the body must keep the kind's required ones (vocabulary.ts), so no saved wording can
 * drop the code, the link, a refusal's reason and complaint route, or an extension's reason.
 */
export const saveMessageTemplateSchema = z
  .object({
    kind: z.enum(templateKinds),
    locale: z.enum(locales),
    subject: text(limits.subject, true),
    greeting: text(limits.greeting, false),
    body: text(limits.body, true),
    signature: text(limits.signature, false),
  })
  .superRefine((value, ctx) => {
    for (const p of placeholderProblems(value.kind, value)) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
  });
export type SaveMessageTemplateInput = z.infer<typeof saveMessageTemplateSchema>;
