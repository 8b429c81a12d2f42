import { z } from "zod";
import { locales } from "../i18n/config";
import { jurisdictions } from "../jurisdictions";
import { channels } from "../purposes/vocabulary";
import { callerConsentSources, recordableEvents } from "./vocabulary";

const MAX_SKEW_MS = 5 * 60_000;
/**
 * The earliest moment an event may be dated. No consent a brand can still rely on was
 * given before 2000 (the ePrivacy and GDPR consents it could prove came later), so an
 * earlier date is a client's bug (an epoch default, a two-digit year), not history.
 */
export const EARLIEST_EVENT_AT = "2000-01-01T00:00:00Z";
const EARLIEST_EVENT_MS = Date.parse(EARLIEST_EVENT_AT);

/** Who the event is about: Candor's subject id, the brand's own customer id, or an email address. */
export const subjectRefSchema = z
  .object({
    id: z.string().trim().min(1).max(64).optional(),
    externalId: z.string().trim().min(1).max(128).optional(),
    email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
    jurisdiction: z.enum(jurisdictions).optional(),
    locale: z.enum(locales).optional(),
    isMinor: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.id || s.externalId || s.email, { message: "Name the subject by id, externalId or email." });

/** One consent event as the API, the widget and the preference center submit it. */
export const consentEventInputSchema = z
  .object({
    subject: subjectRefSchema,
    purpose: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,59}$/, { message: "A purpose key: lower-case letters, digits and underscores." }),
    event: z.enum(recordableEvents, { message: 'One of "granted", "denied" or "withdrawn".' }),
    channel: z.enum(channels).optional(),
    source: z.enum(callerConsentSources).default("api"),
    locale: z.enum(locales).optional(),
    jurisdiction: z.enum(jurisdictions).optional(),
    noticeVersion: z.number().int().positive().optional(),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .refine((v) => !v || Date.parse(v) >= EARLIEST_EVENT_MS, {
        message: "occurredAt is before 2000-01-01; Candor does not record consent dated earlier.",
      })
      .refine((v) => !v || Date.parse(v) <= Date.now() + MAX_SKEW_MS, { message: "occurredAt is in the future." })
      .meta({
        description:
          "When the person decided (ISO 8601 with an offset); defaults to now. Not before 2000-01-01, and not more than 5 minutes ahead of Candor's clock.",
      }),
    idempotencyKey: z.string().trim().min(1).max(200).optional(),
    guardianName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export type ConsentEventInput = z.infer<typeof consentEventInputSchema>;
export const MAX_BATCH = 1000;
