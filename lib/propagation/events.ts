import { z } from "zod";
import { consentEventTypes, consentSources, effectiveStates } from "../consent/vocabulary";
import type { DataCategory } from "../purposes/vocabulary";
import { rectifiableFields } from "../requests/rectification";

/**
 * The events Candor sends recipients (issue 14, deliverable 3): the changes the law says must reach the
 * recipients that hold a person's data. GDPR Art. 19 asks for rectification, erasure and restriction to be
 * communicated to each recipient; CCPA 11 CCR §7022(b)(2)–(3) asks for deletion to reach service providers,
 * contractors and third parties, and §7026(f) for an opt-out of sale/sharing to reach the third parties.
 * Objection (Art. 21) and consent changes go too, so a recipient stops processing for that purpose.
 */

/** Every event type, unversioned; the `type` a recipient sees carries the version (`consent.changed.v1`). */
export const propagationEventTypes = [
  "consent.changed",
  "subject.erased",
  "subject.rectified",
  "subject.restricted",
  "subject.objected",
  "subject.opted_out",
  "subject.limited",
] as const;
export type PropagationEventType = (typeof propagationEventTypes)[number];

/** The payload version; a change a recipient would misread becomes v2, a new type it can ignore until it knows it. */
export const EVENT_VERSION = 1;

/** The `type` field a recipient switches on: the event type and its version. */
export function versionedType(type: PropagationEventType): `${PropagationEventType}.v${typeof EVENT_VERSION}` {
  return `${type}.v${EVENT_VERSION}`;
}

/**
 * What the sequence number orders within: one thing a recipient keeps about a person. A consent change and an
 * objection are per person and purpose (a recipient keeps one state per purpose), a rectification per person
 * and corrected field (a later phone correction does not make an earlier name correction stale), every other
 * subject event per person and event type. A recipient drops a change whose sequence is not above the last it
 * applied to the same thing, so a replayed older event still applies where nothing newer overtook it. The
 * number is one counter for all events, so it grows within every scope.
 */
export type SequenceScope = "purpose" | "field" | "type";
export function sequenceScope(type: PropagationEventType): SequenceScope {
  if (type === "consent.changed" || type === "subject.objected") return "purpose";
  if (type === "subject.rectified") return "field";
  return "type";
}

const scopeWords: Record<SequenceScope, string> = { purpose: "purpose", field: "corrected field", type: "event type" };

/** The identifiers an event carries: only ones the recipient already holds (see recipientIdentifiers). */
export const identifiersSchema = z
  .object({
    externalId: z.string().min(1).max(200).optional().describe("The brand's own customer id for the person."),
    email: z.email().optional().describe("Present only for recipients that received the person's email address."),
  })
  .refine((ids) => ids.externalId !== undefined || ids.email !== undefined, { error: "no-identifier" });
export type EventIdentifiers = z.infer<typeof identifiersSchema>;

const purposeKey = z.string().min(1).max(100);

/** Each event type's `data`. */
export const eventDataSchemas = {
  "consent.changed": z.object({
    purpose: purposeKey,
    previousState: z.enum(effectiveStates),
    newState: z.enum(consentEventTypes),
    noticeVersion: z.number().int().positive().nullable().describe("The notice version the person saw; null when none applied."),
    source: z.enum(consentSources),
    gpc: z.boolean().describe("Whether a Global Privacy Control signal made this change."),
  }),
  "subject.erased": z.object({}).describe("Delete everything held about the person (GDPR Art. 17, CCPA §7022)."),
  "subject.rectified": z.object({
    changes: z
      .array(z.object({ field: z.enum(rectifiableFields), value: z.string().nullable() }))
      .min(1)
      .describe("The corrected fields and their new values (GDPR Art. 16)."),
  }),
  "subject.restricted": z.object({}).describe("Store but do not otherwise process the person's data (GDPR Art. 18)."),
  "subject.objected": z.object({ purposes: z.array(purposeKey).min(1).describe("The purposes objected to (GDPR Art. 21).") }),
  "subject.opted_out": z.object({
    optOut: z
      .array(z.enum(["sale", "sharing"]))
      .min(1)
      .describe("What the person opted out of (CCPA §7026)."),
    gpc: z.boolean().describe("Whether the opt-out came from a Global Privacy Control signal (§7025)."),
  }),
  "subject.limited": z.object({}).describe("Use sensitive personal information only as §7027(m) permits (CCPA right to limit)."),
} as const satisfies Record<PropagationEventType, z.ZodType>;

export type EventData<T extends PropagationEventType> = z.infer<(typeof eventDataSchemas)[T]>;

/** The envelope every event shares, around its type's data. */
function envelopeSchema<T extends PropagationEventType>(type: T) {
  return z.object({
    id: z.string().min(1).max(64).describe("The event's id; the same in a webhook, the pull feed and an email."),
    type: z.literal(versionedType(type)),
    occurredAt: z.iso.datetime().describe("When the change happened in Candor."),
    sequence: z
      .number()
      .int()
      .positive()
      .describe(
        `Increases per person and ${scopeWords[sequenceScope(type)]}; drop a change not above the last applied to the same ${scopeWords[sequenceScope(type)]}.`,
      ),
    subject: identifiersSchema,
    data: eventDataSchemas[type],
  });
}

/** The whole event schema for each type, as recipients receive it. */
export const eventSchemas = Object.fromEntries(propagationEventTypes.map((t) => [t, envelopeSchema(t)])) as {
  [T in PropagationEventType]: ReturnType<typeof envelopeSchema<T>>;
};
export type PropagationEvent<T extends PropagationEventType = PropagationEventType> = z.infer<(typeof eventSchemas)[T]>;

/** Any event, told apart by its versioned type. */
export const propagationEventSchema = z.discriminatedUnion(
  "type",
  propagationEventTypes.map((t) => eventSchemas[t]) as unknown as [
    ReturnType<typeof envelopeSchema>,
    ...ReturnType<typeof envelopeSchema>[],
  ],
);

/** A checked event of one type, ready to serialize; throws on data that does not fit, which is Candor's bug. */
export function buildEvent<T extends PropagationEventType>(
  type: T,
  event: { id: string; occurredAt: Date; sequence: number; subject: EventIdentifiers; data: EventData<T> },
): PropagationEvent<T> {
  const candidate = { ...event, type: versionedType(type), occurredAt: event.occurredAt.toISOString() };
  return eventSchemas[type].parse(candidate) as PropagationEvent<T>;
}

/**
 * The identifiers a recipient may receive about a person: the brand's external id, and the email only
 * when the recipient was sent emails (a purpose sending it data includes contact details), so an event
 * never hands a recipient an identifier it did not already hold. Null when the recipient holds neither:
 * then nothing can name the person to it and the path needs an officer.
 */
export function recipientIdentifiers(
  person: { externalId: string | null; email: string | null },
  recipient: { receivedEmail: boolean },
): EventIdentifiers | null {
  const ids: EventIdentifiers = {};
  if (person.externalId) ids.externalId = person.externalId;
  if (recipient.receivedEmail && person.email) ids.email = person.email;
  return ids.externalId !== undefined || ids.email !== undefined ? ids : null;
}

/** Whether the categories a recipient's purposes send it include the email address ("contact" in the data map). */
export function sendsEmail(categories: readonly DataCategory[]): boolean {
  return categories.includes("contact");
}

/** The JSON Schema of each event, for the OpenAPI document's webhooks section. */
export function eventJsonSchemas(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    propagationEventTypes.map((t) => {
      const { $schema, ...rest } = z.toJSONSchema(eventSchemas[t], { io: "output", target: "draft-2020-12" }) as Record<string, unknown>;
      void $schema;
      return [versionedType(t), rest];
    }),
  );
}
