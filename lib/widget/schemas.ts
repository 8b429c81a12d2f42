import { z } from "zod";
import { locales } from "../i18n/config";
import { recordableEvents } from "../consent/vocabulary";
import { jurisdictions } from "../jurisdictions";

/** A publishable key as pages embed it: "pk_" then base64url characters. */
export const publishableKeySchema = z
  .string({ error: "Give the publishable key as ?key=." })
  .regex(/^pk_[A-Za-z0-9_-]{8,120}$/, { message: 'A publishable key starts with "pk_".' });

/** The config query: the key, and the page's language (anything unknown falls back to English). */
export const widgetConfigQuerySchema = z.object({
  key: publishableKeySchema,
  locale: z.enum(locales).catch("en"),
});

const anonymousIdPattern = /^anon-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** An anonymous visitor's id, made by the widget: "anon-" and a random UUID. */
export const anonymousIdSchema = z.string().regex(anonymousIdPattern, {
  message: 'An anonymous id is "anon-" followed by a random UUID.',
});

/** Whether an external id is one the widget made for a visitor the page did not know (not the brand's own customer id). */
export function isAnonymousVisitorId(externalId: string): boolean {
  // The schema's own pattern, tested directly: the ledger asks this of every person it reads for propagation.
  return anonymousIdPattern.test(externalId);
}

const choiceSchema = z
  .object({
    purpose: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, { message: "A purpose key: lower-case letters, digits and underscores." }),
    // A withdrawal is what un-ticking an earlier grant means; the widget knows which it was.
    event: z.enum(recordableEvents, { message: 'One of "granted", "denied" or "withdrawn".' }),
    version: z.number().int().positive().optional(),
  })
  .strict();

/** What the widget posts: who chose, where, in which language, and one choice per purpose. */
export const widgetConsentsSchema = z
  .object({
    subject: z
      .object({ externalId: z.string().trim().min(1).max(128).optional(), anonymousId: anonymousIdSchema.optional() })
      .strict()
      .refine((s) => Boolean(s.externalId) !== Boolean(s.anonymousId), {
        message: "Name the subject by externalId or anonymousId, not both.",
      }),
    jurisdiction: z.enum(jurisdictions).optional(),
    locale: z.enum(locales),
    choices: z
      .array(choiceSchema)
      .min(1, { message: "Send at least one choice." })
      .max(50, { message: "At most 50 choices at once." })
      .refine((list) => new Set(list.map((c) => c.purpose)).size === list.length, { message: "Each purpose at most once." }),
  })
  .strict();

export type WidgetConsents = z.infer<typeof widgetConsentsSchema>;
